package org.pgj.examples.types;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.spi.Spi;

/** Java enums and SQL enum types, both ways: values, arrays, records, sets and SPI. */
@ExtensionSql(name = "weekday", position = ExtensionSql.Position.FIRST,
        sql = "CREATE TYPE weekday AS ENUM ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN', 'HOLIDAY');")
public final class Enums {
    private Enums() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Mood cheerUp(Mood mood) {
        return mood == Mood.SAD ? Mood.OK : Mood.HAPPY;
    }

    /** NULL in, NULL out. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Mood> sameMood(Optional<Mood> mood) {
        return mood;
    }

    /** Sorted as Java compares enums (declaration order), NULLs last. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static List<Mood> sortedMoods(List<Mood> moods) {
        return moods.stream().sorted(Comparator.nullsLast(Comparator.naturalOrder())).toList();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Stream<Mood> allMoods() {
        return Arrays.stream(Mood.values());
    }

    /** A record with an enum component: its composite type comes after the enum type. */
    public record Feeling(Mood mood, int level) {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Feeling feel(Mood mood, int level) {
        return new Feeling(mood, level);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Weekday nextDay(Weekday day) {
        return Weekday.values()[(day.ordinal() + 1) % Weekday.values().length];
    }

    /** Reads a mood through SPI, and passes one as an argument. */
    @PgFunction
    public static Mood cheerUpThroughSpi(String label) {
        Mood mood = Spi.getOne("SELECT $1::mood", Mood.class, label).orElseThrow();
        return Spi.getOne("SELECT cheer_up($1)", Mood.class, mood).orElseThrow();
    }
}
