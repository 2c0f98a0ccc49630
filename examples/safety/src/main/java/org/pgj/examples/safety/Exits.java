package org.pgj.examples.safety;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.pgj.examples.exiting.Quitter;
import org.pgj.functions.PgFunction;

/**
 * Every route to JVM exit a Java program has. Inside a backend each one fails instead: on the
 * backend's thread the statement gets an ERROR, on another thread that thread gets an error.
 */
public final class Exits {
    private Exits() {
    }

    @PgFunction
    public static void exitDirectly(int status) {
        System.exit(status);
    }

    @PgFunction
    public static void haltDirectly(int status) {
        Runtime.getRuntime().halt(status);
    }

    @PgFunction
    public static void exitByReflection(int status) throws ReflectiveOperationException {
        try {
            System.class.getMethod("exit", int.class).invoke(null, status);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Error) e.getCause();
        }
    }

    @PgFunction
    public static void haltByReflection(int status) throws ReflectiveOperationException {
        try {
            Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), status);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw (Error) e.getCause();
        }
    }

    @PgFunction
    public static void exitByMethodHandle(int status) throws Throwable {
        MethodHandle exit = MethodHandles.publicLookup().findStatic(System.class, "exit",
                MethodType.methodType(void.class, int.class));
        exit.invokeExact(status);
    }

    @PgFunction
    public static void exitByMethodReference(int status) {
        IntConsumer exit = System::exit;
        exit.accept(status);
    }

    @PgFunction
    public static void exitInADependency(int status) {
        Quitter.giveUp(status);
    }

    /** Another thread exits; returns what that thread got. */
    @PgFunction
    public static String exitOnAnotherThread(int status) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().name("exiting thread").start(() -> {
            try {
                Runtime.getRuntime().exit(status);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.join();
        return String.valueOf(failure.get());
    }

    /** A shutdown hook that would halt, then an exit: neither the exit nor the hook happens. */
    @PgFunction
    public static void exitWithAShutdownHook(int status) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(status)));
        System.exit(status);
    }
}
