package org.pgj.examples.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgExtension;
import org.pgj.functions.PgFunction;
import org.pgj.spi.Spi;
import org.pgj.spi.SpiConnection;
import org.pgj.spi.SpiRow;

/** Queries, single values and typed rows over a small table of people. */
@PgExtension(comment = "pgj SPI example: running SQL from Java inside the server")
@ExtensionSql(name = "tables", position = ExtensionSql.Position.FIRST, sql = """
        CREATE TABLE people(id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, age int CHECK (age >= 0));
        CREATE TABLE batch_log(i int PRIMARY KEY);
        CREATE TABLE kv(k int PRIMARY KEY, v int NOT NULL);
        """)
public final class People {
    private People() {
    }

    /** A person as a typed row: the age column may be NULL. */
    public record Person(String name, Optional<Integer> age) {
    }

    @PgFunction
    public static long countOlderThan(int age) {
        return Spi.getOne("SELECT count(*) FROM people WHERE age > $1", Long.class, age).orElseThrow();
    }

    /** INSERT ... RETURNING through getOne; a null age is sent as NULL. */
    @PgFunction
    public static long addPerson(String name, Integer age) {
        return Spi.getOne("INSERT INTO people(name, age) VALUES ($1, $2) RETURNING id", Long.class, name, age)
                .orElseThrow();
    }

    @PgFunction
    public static String describePerson(long id) {
        Person p = Spi.getRow("SELECT name, age FROM people WHERE id = $1", Person.class, id);
        return p.name() + p.age().map(age -> " (" + age + ")").orElse(" (age unknown)");
    }

    /** The values read are Java strings: they stay valid after the scope closes. */
    @PgFunction
    public static String namesOlderThan(int age) {
        List<String> names = new ArrayList<>();
        try (SpiConnection spi = Spi.connect()) {
            for (SpiRow row : spi.select("SELECT name FROM people WHERE age > $1 ORDER BY name", age)) {
                names.add(row.getString("name"));
            }
        }
        return String.join(", ", names);
    }

    /** Earlier statements' effects are visible to later ones, also to read-only select. */
    @PgFunction
    public static int renameAndCount(String from, String to) {
        try (SpiConnection spi = Spi.connect()) {
            spi.update("UPDATE people SET name = $2 WHERE name = $1", from, to);
            return spi.select("SELECT 1 FROM people WHERE name = $1", to).size();
        }
    }
}
