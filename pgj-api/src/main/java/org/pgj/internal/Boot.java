package org.pgj.internal;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.invoke.MethodType.methodType;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.datum.FcInfo;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.datum.Varlena;
import org.pgj.internal.logging.ServerLogging;

/**
 * Entry point of the Java runtime, called once per backend through JNI right after the JVM
 * is created (jvm_boot.c). From here on every call between C and Java is an FFM stub.
 */
public final class Boot {
    private Boot() {
    }

    /** Returns the address of the resolver upcall stub that call_handler.c uses. */
    public static long boot(long factsTable) {
        Backend.bind(Thread.currentThread());
        Facts.load(factsTable);
        Native.init();
        Guard.init();
        ErrorBridge.init();
        Server.init();
        Subtransactions.init();
        FcInfo.init();
        Varlena.init();
        TypeMappings.init();
        FunctionResolver.init();
        ExtensionClassLoaders.init(Path.of(Facts.getString("str.sharedir")));
        ServerLogging.install();
        return Native.upcall(
                Native.findStatic(MethodHandles.lookup(), FunctionResolver.class, "resolve", methodType(long.class, long.class, long.class,
                        long.class, long.class, int.class, int.class, int.class)),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT));
    }
}
