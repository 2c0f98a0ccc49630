package org.pgj.examples.customtypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pgj.test.Sql.column;
import static org.pgj.test.Sql.contains;
import static org.pgj.test.Sql.exec;
import static org.pgj.test.Sql.fails;
import static org.pgj.test.Sql.one;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pgj.test.PgjTest;

/** A class (not a record) with its own codec, equals, hashCode and compareTo: Fraction. */
@PgjTest
class ClassTypeTest {
    @Test
    void equalityIsJavasEquals(Connection c) throws SQLException {
        assertEquals("1/2", one(c, "select '2/4'::fraction::text"));
        assertEquals(true, one(c, "select '2/4'::fraction = '1/2'"));
        assertEquals(true, one(c, "select ' -3 / -6 '::fraction = fraction(1, 2)"));
        assertEquals(false, one(c, "select '1/3'::fraction = '1/2'"));
        assertEquals("-9223372036854775808/1", one(c, "select fraction(-9223372036854775808, 1)::text"), "edge value");
    }

    @Test
    void orderIsCompareTo(Connection c) throws SQLException {
        assertEquals(List.of("-1/1", "1/3", "1/2", "2/3", "10/1"), column(c,
                "select f::text from (values ('1/2'::fraction), ('10/1'), ('2/3'), ('-1/1'), ('1/3'), ('2/4')) t(f)"
                        + " group by f order by t.f"));
        assertEquals(true, one(c, "select fraction(9223372036854775807, 2) > fraction(9223372036854775806, 2)"),
                "products beyond long");
    }

    @Test
    void indexesAndUniqueness(Connection c) throws SQLException {
        exec(c, "drop table if exists shares", "create temp table shares(f fraction primary key)",
                "insert into shares select fraction(i, 7) from generate_series(1, 500) i");
        fails(c, "insert into shares values ('2/14') returning f", "23505");
        assertEquals(3L, one(c, "select count(*) from shares where f between '1/7' and '3/7'"));
        exec(c, "set enable_seqscan = off");
        try {
            contains(String.join("\n", column(c, "explain select * from shares where f = '1/7'").stream()
                    .map(Object::toString).toList()), "shares_pkey");
        } finally {
            exec(c, "reset enable_seqscan");
        }
    }

    @Test
    void badInputIs22P02(Connection c) throws SQLException {
        contains(fails(c, "select '1/0'::fraction", "22P02").getServerErrorMessage().getDetail(), "denominator is 0");
        fails(c, "select 'half'::fraction", "22P02");
        fails(c, "select '1/2/3'::fraction", "22P02");
        fails(c, "select '99999999999999999999/1'::fraction", "22P02");
        fails(c, "select ''::fraction", "22P02");
    }
}
