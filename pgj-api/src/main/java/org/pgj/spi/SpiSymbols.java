package org.pgj.spi;

import org.pgj.internal.Native;

/** Addresses of the SPI functions, looked up on first use so backends without SPI don't pay for it. */
final class SpiSymbols {
    private SpiSymbols() {
    }

    private static final class Holder {
        static final long CONNECT = Native.lookupServerSymbol("SPI_connect");
        static final long EXECUTE = Native.lookupServerSymbol("SPI_execute");
        static final long FINISH = Native.lookupServerSymbol("SPI_finish");
        static final long PROCESSED = Native.lookupServerSymbol("SPI_processed");
        static final long RESULT_CODE_STRING = Native.lookupServerSymbol("SPI_result_code_string");
    }

    static long connect() {
        return Holder.CONNECT;
    }

    static long execute() {
        return Holder.EXECUTE;
    }

    static long finish() {
        return Holder.FINISH;
    }

    static long processed() {
        return Holder.PROCESSED;
    }

    static long resultCodeString() {
        return Holder.RESULT_CODE_STRING;
    }
}
