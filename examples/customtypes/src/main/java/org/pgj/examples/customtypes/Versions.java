package org.pgj.examples.customtypes;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.pgj.functions.PgFunction;
import org.pgj.functions.Volatility;
import org.pgj.spi.Spi;

/** Functions that take and return the custom types, alone, in arrays and lists, and through SPI. */
public final class Versions {
    private Versions() {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Version version(int major, int minor, int patch) {
        return new Version(major, minor, patch);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Version nextMajor(Version v) {
        return new Version(v.major() + 1, 0, 0);
    }

    /** NULL in, a text out: Optional carries SQL NULL as for any type. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static String describeVersion(Optional<Version> v) {
        return v.map(x -> "v" + x.major() + "." + x.minor() + "." + x.patch()).orElse("no version");
    }

    /** An array of the type is a Java array or list; its array type is made with the type. */
    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Optional<Version> newest(List<Version> versions) {
        return versions.stream().max(Comparator.naturalOrder());
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Version[] majors(Version[] versions) {
        Version[] result = new Version[versions.length];
        for (int i = 0; i < versions.length; i++) {
            result[i] = new Version(versions[i].major(), 0, 0);
        }
        return result;
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Rgb mix(Rgb a, Rgb b) {
        return new Rgb((a.red() + b.red()) / 2, (a.green() + b.green()) / 2, (a.blue() + b.blue()) / 2);
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static int noteLength(Note note) {
        return note.lines().stream().mapToInt(String::length).sum();
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Note note(String title, int lines, int width) {
        return new Note(title, java.util.Collections.nCopies(lines, "x".repeat(width)));
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Fraction fraction(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    /** SPI reads a value of the type as its Java class, and sends one as an argument. */
    @PgFunction
    public static Version viaSpi(Version v) {
        return Spi.getOne("SELECT next_major($1)", Version.class, v).orElseThrow();
    }

    /** A record component of the custom type: the composite type comes after the base type. */
    public record Release(String name, Version version) {
    }

    @PgFunction(volatility = Volatility.IMMUTABLE)
    public static Release release(String name, Version version) {
        return new Release(name, version);
    }
}
