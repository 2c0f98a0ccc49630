package org.pgj.bgworker;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.pgj.errors.PgException;
import org.pgj.internal.workers.StaticWorkerRecorder;
import org.pgj.internal.workers.WorkerDeclaration;
import org.pgj.internal.workers.Workers;
import org.pgj.internal.classloading.ExtensionClassLoaders;

/**
 * Describes a background worker and starts it. Dynamic workers are started from a running
 * backend with {@link #loadDynamic()}. Static ones start with the server: {@link #load()} in a
 * {@link StaticWorkerRegistration} method, or the {@link StaticBackgroundWorker} annotation;
 * both end up in the extension's manifest, because no Java runs in the postmaster.
 *
 * <pre>{@code
 * DynamicBackgroundWorker worker = new BackgroundWorkerBuilder("my worker")
 *         .entryPoint(MyWorker::main)
 *         .enableSpiAccess()
 *         .argument(42)
 *         .loadDynamic();
 * }</pre>
 *
 * Defaults: type = name, shared-memory access on (PostgreSQL 15+ refuses workers without it),
 * start at {@link BgWorkerStartTime#POSTMASTER_START}, never restarted, argument 0, no extra,
 * and the starting backend as notify pid, so it can wait for the worker.
 */
public final class BackgroundWorkerBuilder {
    /** The most {@code extra} bytes PostgreSQL carries (BGW_EXTRALEN). */
    public static final int MAX_EXTRA_BYTES = 128;

    private final String name;
    private String type;
    private Class<?> source;
    private String extension;
    private String className;
    private String method;
    private boolean spiAccess;
    private BgWorkerStartTime startTime = BgWorkerStartTime.POSTMASTER_START;
    private Duration restartTime;
    private int argument;
    private byte[] extra = new byte[0];
    private Integer notifyPid;
    private String shmemStartup = "";

    public BackgroundWorkerBuilder(String name) {
        this.name = requireText(name, "name");
        this.type = name;
    }

    /** Shown as {@code backend_type} in {@code pg_stat_activity}; defaults to the name. */
    public BackgroundWorkerBuilder type(String type) {
        this.type = requireText(type, "type");
        return this;
    }

    /** The entry point: a reference to a public static method taking an int, e.g. {@code MyWorker::main}. */
    public BackgroundWorkerBuilder entryPoint(BackgroundWorkerMain main) {
        SerializedLambda lambda = serialized(Objects.requireNonNull(main, "main"));
        checkStaticReference(lambda, "entry point");
        String owner = lambda.getImplClass().replace('/', '.');
        this.className = owner;
        this.method = lambda.getImplMethodName();
        this.source = main.getClass();
        this.extension = null;
        return this;
    }

    /** The entry point by class and method: {@code public static void method(int)} or {@code method()}. */
    public BackgroundWorkerBuilder entryPoint(Class<?> owner, String method) {
        this.className = owner.getName();
        this.method = requireText(method, "entry point method");
        this.source = owner;
        this.extension = null;
        return this;
    }

    /**
     * The entry point by names, in the extension {@code extension} (its class-path folder, as
     * in pgx's {@code set_library}).
     */
    public BackgroundWorkerBuilder entryPoint(String extension, String className, String method) {
        this.extension = requireText(extension, "extension");
        this.source = null;
        this.className = requireText(className, "entry point class");
        this.method = requireText(method, "entry point method");
        return this;
    }

    /**
     * Shared-memory access, which pgj always requests (PostgreSQL 15 and later require it);
     * kept for code ported from pgx.
     */
    public BackgroundWorkerBuilder enableShmemAccess() {
        return this;
    }

    /**
     * Shared-memory access with a start-up callback, for static workers ({@link #load()}): a
     * reference to a public static method without parameters, run once per server start before
     * the worker's entry point (see {@link StaticBackgroundWorker#shmemStartup()}).
     */
    public BackgroundWorkerBuilder enableShmemAccess(ShmemStartup startup) {
        SerializedLambda lambda = serialized(Objects.requireNonNull(startup, "startup"));
        checkStaticReference(lambda, "shared-memory start-up callback");
        this.shmemStartup = lambda.getImplClass().replace('/', '.') + "#" + lambda.getImplMethodName();
        return this;
    }

    /** Lets the worker connect to a database and use SPI; the start time becomes RECOVERY_FINISHED. */
    public BackgroundWorkerBuilder enableSpiAccess() {
        this.spiAccess = true;
        this.startTime = BgWorkerStartTime.RECOVERY_FINISHED;
        return this;
    }

    public BackgroundWorkerBuilder startTime(BgWorkerStartTime startTime) {
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        return this;
    }

    /**
     * How long after a failure (an exception from the entry point, a termination) the postmaster
     * restarts the worker, in whole seconds; {@code null} means never (the default).
     */
    public BackgroundWorkerBuilder restartTime(Duration restartTime) {
        if (restartTime != null && (restartTime.isNegative() || restartTime.toSeconds() > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("restart time must be between 0 and " + Integer.MAX_VALUE
                    + " seconds, or null for never; got " + restartTime);
        }
        this.restartTime = restartTime;
        return this;
    }

    /** A small value passed by value to the entry point. */
    public BackgroundWorkerBuilder argument(int argument) {
        this.argument = argument;
        return this;
    }

    /** Up to {@value #MAX_EXTRA_BYTES} bytes of UTF-8 the worker reads with {@link BackgroundWorker#getExtra()}. */
    public BackgroundWorkerBuilder extra(String extra) {
        return extra(Objects.requireNonNull(extra, "extra").getBytes(StandardCharsets.UTF_8));
    }

    /** Up to {@value #MAX_EXTRA_BYTES} bytes; a NUL byte ends what the worker reads. */
    public BackgroundWorkerBuilder extra(byte[] extra) {
        if (extra.length > MAX_EXTRA_BYTES) {
            throw new IllegalArgumentException("a background worker's extra is at most " + MAX_EXTRA_BYTES
                    + " bytes; got " + extra.length);
        }
        this.extra = extra.clone();
        return this;
    }

    /**
     * The backend the postmaster signals when the worker starts and stops; 0 for none. Only that
     * backend can wait for the worker. Defaults to the backend calling {@link #loadDynamic()}.
     */
    public BackgroundWorkerBuilder notifyPid(int pid) {
        this.notifyPid = pid;
        return this;
    }

    /**
     * Declares the worker as a static one, started with the server. Only valid in a
     * {@link StaticWorkerRegistration} method, which pgj runs while building the extension;
     * anywhere else it throws {@link IllegalStateException} (use {@link #loadDynamic()}).
     */
    public void load() {
        String recording = StaticWorkerRecorder.extension();
        if (recording == null) {
            throw new IllegalStateException("load() declares a static worker, which pgj records while building the"
                    + " extension: call it in a method annotated @StaticWorkerRegistration; to start \"" + name
                    + "\" now, use loadDynamic()");
        }
        requireEntryPoint();
        String start = WorkerDeclaration.startTime(startTime);
        StaticWorkerRecorder.add(new WorkerDeclaration(extension != null ? extension : recording, name, type,
                className, method, start, restartTime == null ? -1 : (int) restartTime.toSeconds(), spiAccess, "", "",
                argument, "1", new String(extra, StandardCharsets.UTF_8), shmemStartup));
    }

    /**
     * Starts the worker now. Throws {@link PgException} with SQLSTATE 53000 when every worker
     * slot ({@code max_worker_processes}) is taken.
     */
    public DynamicBackgroundWorker loadDynamic() {
        requireEntryPoint();
        if (!shmemStartup.isEmpty()) {
            throw new IllegalStateException("background worker \"" + name + "\": a shared-memory start-up callback is"
                    + " for static workers (load()), which start with the server; a dynamic worker can run it itself");
        }
        String folder = extension != null ? extension : extensionOf(source, className);
        int pid = notifyPid != null ? notifyPid : Workers.myProcPid();
        long handle = Workers.register(new Workers.Registration(name, type, spiAccess, startTime.ordinal(),
                restartTime == null ? -1 : (int) restartTime.toSeconds(), argument, extra, pid, folder, className,
                method));
        if (handle == 0) {
            throw new PgException("53000", "could not start background worker \"" + name + "\": no free worker slot",
                    "All " + Workers.maxWorkerProcesses() + " slots of max_worker_processes are in use.",
                    "Stop a worker, or raise max_worker_processes (it needs a server restart).");
        }
        return new DynamicBackgroundWorker(handle, pid, name);
    }

    private void requireEntryPoint() {
        if (className == null) {
            throw new IllegalStateException("background worker \"" + name + "\" has no entry point: call entryPoint(...)");
        }
    }

    private static void checkStaticReference(SerializedLambda lambda, String what) {
        if (lambda.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic
                || lambda.getImplMethodName().startsWith("lambda$")) {
            throw new IllegalArgumentException("a background worker's " + what + " must be a reference to a static"
                    + " method, like MyWorker::main: the worker is another process, so a lambda or an object's"
                    + " method cannot be carried there");
        }
    }

    private static SerializedLambda serialized(java.io.Serializable main) {
        try {
            Method writeReplace = main.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            return (SerializedLambda) writeReplace.invoke(main);
        } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
            throw new IllegalArgumentException("a background worker's entry point must be a method reference like"
                    + " MyWorker::main, not an object of " + main.getClass().getName(), e);
        }
    }

    private static String extensionOf(Class<?> source, String owner) {
        return ExtensionClassLoaders.folderOf(source).orElseThrow(() -> new IllegalArgumentException(
                "class " + owner + " is not loaded from a pgj extension, so a worker cannot find it;"
                        + " use entryPoint(extension, className, method)"));
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a background worker's " + what + " must not be empty");
        }
        return value;
    }
}
