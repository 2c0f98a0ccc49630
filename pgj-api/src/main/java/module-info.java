/**
 * What extensions compile against and may call. The runtime's packages ({@code org.pgj.internal}
 * and below: the call path, boot, the native boundary, workers, shared memory, settings) are in
 * this module too but not exported, so an extension's class (in an unnamed module of its own
 * class loader) that links against one, or reflects into one, fails with IllegalAccessError,
 * IllegalAccessException or InaccessibleObjectException naming module {@code org.pgj}.
 */
module org.pgj {
    requires java.logging;
    // Only in sessions with pgj.profile, whose JVM adds the module (jvm_boot.c).
    requires static jdk.jfr;

    exports org.pgj;
    exports org.pgj.aggregates;
    exports org.pgj.bgworker;
    exports org.pgj.errors;
    exports org.pgj.events;
    exports org.pgj.fdw;
    exports org.pgj.functions;
    exports org.pgj.guc;
    exports org.pgj.hooks;
    exports org.pgj.indexes;
    exports org.pgj.memory;
    exports org.pgj.shmem;
    exports org.pgj.spi;
    exports org.pgj.triggers;
    exports org.pgj.types;
    exports org.pgj.windows;

    // java.util.logging makes the configuration class and the handler it names by reflection.
    exports org.pgj.internal.logging to java.logging;

    // System.getLogger anywhere in the backend's JVM writes to the server log.
    provides java.lang.System.LoggerFinder with org.pgj.internal.logging.ServerLoggerFinder;
}
