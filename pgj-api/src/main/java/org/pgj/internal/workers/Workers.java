package org.pgj.internal.workers;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.pgj.internal.boot.Boot;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.nativecall.Backend;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Guard;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.Server;

/**
 * The native side of background workers (bgworker.c) for {@code org.pgj.bgworker}: the
 * worker's own entry in {@code MyBgworkerEntry}, its signal flags, latch, connection and
 * transactions, and the launch of Java entry points.
 */
public final class Workers {
    private Workers() {
    }

    /** Facts read only inside a server, so that the API's classes load anywhere. */
    private static final class Native_ {
        static final long ENTRY = Facts.get("addr.MyBgworkerEntry");
        static final long LAUNCH = Facts.get("addr.pgj_worker_launch");
        static final long NAME = Facts.get("BackgroundWorker.bgw_name");
        static final long TYPE = Facts.get("BackgroundWorker.bgw_type");
        static final long FLAGS = Facts.get("BackgroundWorker.bgw_flags");
        static final long MAIN_ARG = Facts.get("BackgroundWorker.bgw_main_arg");
        static final long EXTRA = Facts.get("BackgroundWorker.bgw_extra");
        static final int EXTRA_LEN = Facts.getInt("BGW_EXTRALEN");
        static final int DATABASE_CONNECTION = Facts.getInt("BGWORKER_BACKEND_DATABASE_CONNECTION");
        static final long DATABASE_ID = Facts.get("addr.MyDatabaseId");
        static final int PG_ERROR = Facts.getInt("PGJ_PG_ERROR");
        static final long EXTENSION = Facts.get("PgjWorkerLaunch.extension");
        static final long CLASS_NAME = Facts.get("PgjWorkerLaunch.class_name");
        static final long METHOD = Facts.get("PgjWorkerLaunch.method");
        static final int SIGHUP_RECEIVED = Facts.getInt("PGJ_SIGHUP_RECEIVED");
        static final int SIGTERM_RECEIVED = Facts.getInt("PGJ_SIGTERM_RECEIVED");
    }

    private static boolean connected;
    private static boolean inTransaction;
    /**
     * True in a worker until it attaches its signal handlers or first waits or uses the server:
     * until then a SIGTERM is held (bgworker.c). Read by {@link Server#checkForInterrupts}.
     */
    static boolean sigtermUnsettled;

    /** {@code MyBgworkerEntry} of this pgj worker; a clear exception anywhere else. */
    private static long entry(String what) {
        if (!Backend.isRunning()) {
            throw new IllegalStateException("BackgroundWorker." + what
                    + " works only inside a pgj background worker, not in a JVM outside PostgreSQL");
        }
        Backend.checkThread();
        long entry = Native.readLong(Native_.ENTRY);
        if (entry == 0 || Native.readLong(Native_.LAUNCH) == 0) {
            throw new IllegalStateException("BackgroundWorker." + what
                    + " works only inside a pgj background worker; this is a regular backend."
                    + " Start a worker with BackgroundWorkerBuilder.loadDynamic() or @StaticBackgroundWorker");
        }
        return entry;
    }

    public static String name() {
        return Native.readCString(entry("name()") + Native_.NAME);
    }

    public static String type() {
        return Native.readCString(entry("type()") + Native_.TYPE);
    }

    public static int argument() {
        return (int) Native.readLong(entry("argument()") + Native_.MAIN_ARG);
    }

    /** The extra bytes up to the first NUL (all of them if there is none). */
    public static byte[] extra() {
        long at = entry("extra()") + Native_.EXTRA;
        byte[] bytes = new byte[Native_.EXTRA_LEN];
        int n = 0;
        while (n < bytes.length && (bytes[n] = Native.ALL.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at + n)) != 0) {
            n++;
        }
        return Arrays.copyOf(bytes, n);
    }

    /** Test-and-clear of the SIGHUP flag. */
    public static boolean sighupReceived() {
        entry("sighupReceived()");
        return (ServerWorkers.signals(Native_.SIGHUP_RECEIVED) & Native_.SIGHUP_RECEIVED) != 0;
    }

    /** Test-and-clear of the SIGTERM flag. */
    public static boolean sigtermReceived() {
        entry("sigtermReceived()");
        return (ServerWorkers.signals(Native_.SIGTERM_RECEIVED) & Native_.SIGTERM_RECEIVED) != 0;
    }

    /** SIGTERM sets a flag (if {@code sigterm}) or terminates; a SIGTERM held so far is handed over. */
    public static void attachSignalHandlers(boolean sigterm) {
        entry("attachSignalHandlers()");
        ServerWorkers.attachSignals(sigterm ? Native_.SIGTERM_RECEIVED : 0);
        sigtermUnsettled = false;
    }

    /**
     * {@link #entry} for a call that waits or uses the server: a worker that has not attached
     * its signal handlers by then keeps PostgreSQL's SIGTERM, which terminates it.
     */
    private static long serverUse(String what) {
        long entry = entry(what);
        defaultSignals();
        return entry;
    }

    /** See {@link #serverUse}; also for an interrupt check before any attach. */
    public static void defaultSignals() {
        if (sigtermUnsettled) {
            ServerWorkers.defaultSignals();
            sigtermUnsettled = false;
        }
    }

    public static boolean waitLatch(long timeoutMillis) {
        serverUse("waitLatch()");
        return ServerWorkers.waitLatch(timeoutMillis);
    }

    public static boolean workerContinue() {
        serverUse("workerContinue()");
        return ServerWorkers.workerContinue();
    }

    public static void connect(String database, String user) {
        long entry = serverUse("connectWorkerToSpi()");
        checkCanConnect(entry);
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            ServerWorkers.initializeConnection(Native.cString(arena, database), Native.cString(arena, user), 0);
        }
        connected();
    }

    public static void connect(int databaseOid, int userOid) {
        long entry = serverUse("connectWorkerToSpi()");
        checkCanConnect(entry);
        ServerWorkers.initializeConnectionByOid(databaseOid, userOid, 0);
        connected();
    }

    private static void checkCanConnect(long entry) {
        if ((Native.ALL.get(JAVA_INT, entry + Native_.FLAGS) & Native_.DATABASE_CONNECTION) == 0) {
            throw new IllegalStateException("background worker \"" + name()
                    + "\" was registered without SPI access: call enableSpiAccess() on its builder to connect it");
        }
        if (connected) {
            throw new IllegalStateException("background worker \"" + name() + "\" is already connected to a database;"
                    + " a worker connects once");
        }
    }

    private static void connected() {
        connected = true;
        ServerEncoding.refresh();
    }

    /**
     * Runs {@code body} in a transaction with a snapshot; commits, or rolls back and rethrows.
     * A termination (FATAL) is left to unwind the worker.
     */
    public static <T> T transaction(java.util.function.Supplier<T> body) {
        serverUse("transaction()");
        if (!connected) {
            throw new IllegalStateException("background worker \"" + name()
                    + "\" is not connected to a database: call BackgroundWorker.connectWorkerToSpi(database, user) first");
        }
        if (inTransaction) {
            throw new IllegalStateException("BackgroundWorker.transaction(...) cannot be nested;"
                    + " use org.pgj.errors.Subtransaction inside it");
        }
        ServerWorkers.begin();
        inTransaction = true;
        try {
            T result = body.get();
            inTransaction = false;
            ServerWorkers.commit();
            return result;
        } catch (RuntimeException | Error e) {
            inTransaction = false;
            int rc = ServerWorkers.abort();
            if (rc == Native_.PG_ERROR) {
                try {
                    Guard.check(rc);
                } catch (RuntimeException abortFailure) {
                    e.addSuppressed(abortFailure);
                }
            }
            throw e;
        }
    }

    /** Registration and handles: the facts the dynamic side needs. */
    private static final class Dynamic {
        static final int SIZE = Facts.getInt("sizeof.BackgroundWorker");
        static final int MAXLEN = Facts.getInt("BGW_MAXLEN");
        static final long TYPE = Facts.get("BackgroundWorker.bgw_type");
        static final long START_TIME = Facts.get("BackgroundWorker.bgw_start_time");
        static final long RESTART_TIME = Facts.get("BackgroundWorker.bgw_restart_time");
        static final long NOTIFY_PID = Facts.get("BackgroundWorker.bgw_notify_pid");
        static final int LAUNCH_SIZE = Facts.getInt("sizeof.PgjWorkerLaunch");
        static final int CLASS_NAME_LEN = Facts.getInt("PGJ_CLASS_NAME_LEN");
        static final int NAME_LEN = Facts.getInt("NAMEDATALEN");
        static final long MY_PROC_PID = Facts.get("addr.MyProcPid");
        static final long MAX_WORKERS = Facts.get("addr.max_worker_processes");
        static final int SHMEM_ACCESS = Facts.getInt("BGWORKER_SHMEM_ACCESS");
        static final int NEVER_RESTART = Facts.getInt("BGW_NEVER_RESTART");
    }

    /** What a builder hands over; start time is 0, 1, 2 for PostmasterStart, ConsistentState, RecoveryFinished. */
    public record Registration(String name, String type, boolean spiAccess, int startTime, int restartSeconds,
            int argument, byte[] extra, int notifyPid, String extension, String className, String method) {
    }

    public static int myProcPid() {
        Backend.checkThread();
        return Native.ALL.get(JAVA_INT, Dynamic.MY_PROC_PID);
    }

    /** Registers a dynamic worker; returns its handle, or 0 when no worker slot is free. */
    public static long register(Registration r) {
        Backend.checkThread();
        int[] startTimes = {Facts.getInt("BgWorkerStart_PostmasterStart"), Facts.getInt("BgWorkerStart_ConsistentState"),
                Facts.getInt("BgWorkerStart_RecoveryFinished")};
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            long worker = arena.allocate(Dynamic.SIZE, 8).address();
            putText(worker + Native_.NAME, r.name(), Dynamic.MAXLEN, "name");
            putText(worker + Dynamic.TYPE, r.type(), Dynamic.MAXLEN, "type");
            int flags = Dynamic.SHMEM_ACCESS | (r.spiAccess() ? Native_.DATABASE_CONNECTION : 0);
            Native.ALL.set(JAVA_INT, worker + Native_.FLAGS, flags);
            Native.ALL.set(JAVA_INT, worker + Dynamic.START_TIME, startTimes[r.startTime()]);
            Native.ALL.set(JAVA_INT, worker + Dynamic.RESTART_TIME,
                    r.restartSeconds() < 0 ? Dynamic.NEVER_RESTART : r.restartSeconds());
            Native.writeLong(worker + Native_.MAIN_ARG, Integer.toUnsignedLong(r.argument()));
            java.lang.foreign.MemorySegment.copy(r.extra(), 0, Native.ALL, java.lang.foreign.ValueLayout.JAVA_BYTE,
                    worker + Native_.EXTRA, r.extra().length);
            Native.ALL.set(JAVA_INT, worker + Dynamic.NOTIFY_PID, r.notifyPid());

            long launch = arena.allocate(Dynamic.LAUNCH_SIZE, 8).address();
            putText(launch + Native_.EXTENSION, r.extension(), Dynamic.NAME_LEN, "extension name");
            putText(launch + Native_.CLASS_NAME, r.className(), Dynamic.CLASS_NAME_LEN, "entry point class name");
            putText(launch + Native_.METHOD, r.method(), 2 * Dynamic.NAME_LEN, "entry point method name");
            return ServerWorkers.register(worker, launch);
        }
    }

    public static int maxWorkerProcesses() {
        return Native.ALL.get(JAVA_INT, Dynamic.MAX_WORKERS);
    }

    private static void putText(long at, String text, int capacity, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= capacity) {
            throw new IllegalArgumentException("background worker " + what + " \"" + text + "\" is " + bytes.length
                    + " bytes; PostgreSQL allows at most " + (capacity - 1));
        }
        java.lang.foreign.MemorySegment.copy(bytes, 0, Native.ALL, java.lang.foreign.ValueLayout.JAVA_BYTE, at, bytes.length);
        Native.ALL.set(java.lang.foreign.ValueLayout.JAVA_BYTE, at + bytes.length, (byte) 0);
    }

    /** Status codes are the server's BGWH_* values; the pid goes to {@code pid[0]}. */
    public static int pid(long handle, int[] pid) {
        return statusAndPid(ServerWorkers::getPid, handle, pid);
    }

    public static int waitForStartup(long handle, int[] pid) {
        return statusAndPid(ServerWorkers::waitForStartup, handle, pid);
    }

    public static int waitForShutdown(long handle) {
        Backend.checkThread();
        return ServerWorkers.waitForShutdown(handle);
    }

    public static void terminate(long handle) {
        Backend.checkThread();
        ServerWorkers.terminate(handle);
    }

    /** A server function that writes a worker's pid and returns its BGWH_* status. */
    private interface StatusCall {
        int call(long handle, long pid);
    }

    private static int statusAndPid(StatusCall call, long handle, int[] pid) {
        Backend.checkThread();
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            long out = arena.allocate(JAVA_INT).address();
            int status = call.call(handle, out);
            pid[0] = Native.ALL.get(JAVA_INT, out);
            return status;
        }
    }

    /** Called by {@link Boot#runWorker}: loads and runs the entry point named by the launch. */
    public static void run(long launch, int argument, boolean startupOnly) throws Throwable {
        sigtermUnsettled = true;
        String extension = Native.readCString(launch + Native_.EXTENSION);
        ClassLoader loader = ExtensionClassLoaders.forFolder(extension);
        if (startupOnly) {
            String startup = Native.readCString(launch + Facts.get("PgjWorkerLaunch.shmem_startup"));
            int hash = startup.indexOf('#');
            MethodHandles.publicLookup().findStatic(Class.forName(startup.substring(0, hash), true, loader),
                    startup.substring(hash + 1), MethodType.methodType(void.class)).invoke();
            return;
        }
        String className = Native.readCString(launch + Native_.CLASS_NAME);
        String method = Native.readCString(launch + Native_.METHOD);
        // A static worker declared with a database was connected by the native side.
        if (Native.ALL.get(JAVA_INT, Native_.DATABASE_ID) != 0) {
            connected();
        }
        Class<?> owner = Class.forName(className, true, loader);
        entryPoint(owner, method).invoke(argument);
    }

    /** {@code static void method(int)} or {@code static void method()}, as a handle taking the int. */
    static MethodHandle entryPoint(Class<?> owner, String method) throws IllegalAccessException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            return lookup.findStatic(owner, method, MethodType.methodType(void.class, int.class));
        } catch (NoSuchMethodException e) {
            try {
                return MethodHandles.dropArguments(lookup.findStatic(owner, method, MethodType.methodType(void.class)), 0,
                        int.class);
            } catch (NoSuchMethodException none) {
                throw new IllegalArgumentException("background worker entry point " + owner.getName() + "." + method
                        + " not found: it must be a public static void method taking an int (the argument) or nothing");
            }
        }
    }
}
