package org.pgj.internal.datum;

import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * Any type through its text form, by the type's own output and input functions: how
 * {@code numeric}, {@code inet}, {@code jsonb} and types with no Java mapping travel as strings.
 */
public final class TextForms {
    private static final long DATUM_OUT = Facts.get("fn.pgj_datum_out");
    private static final long DATUM_IN = Facts.get("fn.pgj_datum_in");

    private TextForms() {
    }

    /** The text form of {@code datum}, a value of {@code type}. */
    public static String out(int type, long datum) {
        return ServerEncoding.readCString(datumOut(type, datum));
    }

    /** A value of {@code type} from its text form; the type's input function reports bad input. */
    public static long in(int type, String text) {
        return datumIn(type, Varlena.writeCString(text));
    }

    @CFunction("char *pgj_datum_out(Oid, Datum)")
    private static long datumOut(int type, long datum) {
        return Guard.call(DATUM_OUT, type, datum);
    }

    @CFunction("Datum pgj_datum_in(Oid, char *)")
    private static long datumIn(int type, long text) {
        return Guard.call(DATUM_IN, type, text);
    }
}
