package org.pgj.spi;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.pgj.internal.nativecall.Native.ALL;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.datum.BaseType;
import org.pgj.internal.datum.Conversions;
import org.pgj.internal.datum.EnumMapping;
import org.pgj.internal.spi.SpiNative;

/**
 * Builds the PgjSpiRequest (pgj.h) that spi.c runs: the statement, and its arguments as
 * Datums of their SQL types, in the operation's scratch buffer and memory.
 */
final class Request {
    private Request() {
    }

    /**
     * @param sql the statement, or null for a prepared one
     * @param plan the prepared plan, or 0
     * @param declared the prepared statement's argument types, or null to take them from the arguments
     */
    static long build(Scratch scratch, String sql, long plan, int[] declared, Object[] args, int flags,
            String cursorName) {
        int n = args.length;
        boolean untypedNull = false;
        for (Object arg : args) {
            untypedNull |= arg == null && declared == null;
        }
        long request = scratch.buffer(SpiNative.REQUEST_SIZE + (8L + 1 + SpiNative.OID_SIZE) * n);
        // Datums, then Oids, then null flags, each aligned. Inferring types may repalloc the
        // Oids: then they need a chunk of their own.
        long values = request + SpiNative.REQUEST_SIZE;
        long nulls = values + (8L + SpiNative.OID_SIZE) * n;
        long types = untypedNull ? scratch.alloc(SpiNative.OID_SIZE * n) : values + 8L * n;
        long previous = scratch.enter(); // text and other varlena arguments are palloc'd
        try {
            for (int i = 0; i < n; i++) {
                Object value = args[i];
                String typeName = null;
                if (value instanceof Arg arg) {
                    typeName = arg.type();
                    value = arg.value();
                }
                int type;
                if (declared != null) {
                    type = declared[i];
                    if (typeName != null && typeOid(scratch, typeName) != type) {
                        throw new PgException(SqlState.DATATYPE_MISMATCH, "argument $" + (i + 1) + " is given as "
                                + typeName + ", but the statement was prepared with type " + Conversions.typeName(type));
                    }
                } else if (typeName != null) {
                    type = typeOid(scratch, typeName);
                } else if (value == null) {
                    type = SpiNative.UNKNOWN_OID;
                    flags |= SpiNative.INFER_TYPES;
                } else if (value instanceof Enum<?> e) {
                    type = typeOid(scratch, EnumMapping.sqlName(e.getDeclaringClass()));
                } else if (BaseType.is(value.getClass())) {
                    type = typeOid(scratch, BaseType.sqlName(value.getClass()));
                } else {
                    type = ownSqlType(value, i + 1);
                }
                ALL.set(JAVA_INT, types + SpiNative.OID_SIZE * i, type);
                ALL.set(JAVA_BYTE, nulls + i, (byte) (value == null ? 1 : 0));
                ALL.set(JAVA_LONG, values + 8L * i, value == null ? 0 : Conversions.write(value, type, "argument $" + (i + 1)));
                if (value instanceof String s) {
                    scratch.holds(3L * s.length());
                } else if (value instanceof byte[] b) {
                    scratch.holds(b.length);
                }
            }
        } finally {
            Scratch.leave(previous);
        }
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_SQL, sql == null ? 0 : ServerText.toServer(scratch, sql, "statement"));
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_PLAN, plan);
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_CURSOR_NAME,
                cursorName == null ? 0 : ServerText.toServer(scratch, cursorName, "cursor name"));
        ALL.set(JAVA_INT, request + SpiNative.REQUEST_NARGS, n);
        ALL.set(JAVA_INT, request + SpiNative.REQUEST_FLAGS, flags);
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_TYPES, types);
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_VALUES, values);
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_NULLS, nulls);
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_MEMORY, scratch.context());
        ALL.set(JAVA_LONG, request + SpiNative.REQUEST_ROWS, 0L);
        return request;
    }

    /** The SQL type a Java value is sent as when no type is given. */
    private static int ownSqlType(Object value, int position) {
        int type = Conversions.ownSqlType(value.getClass());
        if (type == 0) {
            throw new PgException(SqlState.DATATYPE_MISMATCH, "cannot tell the SQL type of argument $" + position
                    + ", a Java " + value.getClass().getName(), null,
                    "Give its type: Arg.of(\"<SQL type>\", value), with the value in that type's text form.");
        }
        return type;
    }

    /** The OID of a type named as in SQL, resolved by the server (search_path, aliases, typmods). */
    static int typeOid(Scratch scratch, String name) {
        return SpiNative.typeOid(ServerText.toServer(scratch, name, "type name"));
    }
}
