package org.pgj.internal.hooks;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import org.pgj.hooks.LogEntry;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.CFunction;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;

/** The ErrorData behind a {@link LogEntry}, valid while the emit_log hook runs. */
final class LogEntryCall implements LogEntry {
    private static final long ELEVEL = Facts.get("ErrorData.elevel");
    private static final long SQLERRCODE = Facts.get("ErrorData.sqlerrcode");
    private static final long MESSAGE = Facts.get("ErrorData.message");
    private static final long TO_SERVER = Facts.get("ErrorData.output_to_server");
    private static final long TO_CLIENT = Facts.get("ErrorData.output_to_client");
    private static final long SET_MESSAGE = Facts.get("fn.pgj_set_log_message");

    private final long edata;
    private boolean ended;

    LogEntryCall(long edata) {
        this.edata = edata;
    }

    void end() {
        ended = true;
    }

    private long data() {
        if (ended) {
            throw new IllegalStateException("a LogEntry is valid only while the emitLog hook runs");
        }
        return edata;
    }

    @Override
    public int level() {
        return Native.ALL.get(JAVA_INT, data() + ELEVEL);
    }

    @Override
    public String sqlState() {
        int code = Native.ALL.get(JAVA_INT, data() + SQLERRCODE);
        char[] s = new char[5];
        for (int i = 0; i < 5; i++) {
            s[i] = (char) (((code >> (6 * i)) & 0x3F) + '0');
        }
        return new String(s);
    }

    @Override
    public String message() {
        return ServerEncoding.readMessage(Native.readLong(data() + MESSAGE));
    }

    @Override
    public void setMessage(String message) {
        try (Arena arena = Arena.ofConfined()) {
            setLogMessage(data(), ServerEncoding.messageCString(arena, message));
        }
    }

    @Override
    public boolean toServerLog() {
        return Native.ALL.get(JAVA_BYTE, data() + TO_SERVER) != 0;
    }

    @Override
    public boolean toClient() {
        return Native.ALL.get(JAVA_BYTE, data() + TO_CLIENT) != 0;
    }

    @Override
    public void suppress() {
        Native.ALL.set(JAVA_BYTE, data() + TO_SERVER, (byte) 0);
        Native.ALL.set(JAVA_BYTE, data() + TO_CLIENT, (byte) 0);
    }

    @CFunction("void pgj_set_log_message(ErrorData *, const char *)")
    private static void setLogMessage(long edata, long message) {
        Guard.call(SET_MESSAGE, edata, message);
    }
}
