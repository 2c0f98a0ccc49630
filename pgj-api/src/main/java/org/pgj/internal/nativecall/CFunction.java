package org.pgj.internal.nativecall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the C function a static method calls: the method's own signature gives the Java
 * types, this annotation the C prototype, the header that declares it and how it is called.
 * The method reads the function's address from {@code Facts.get("fn.<symbol>")}, and is the only
 * way Java reaches that function.
 *
 * <p>pgj-api's NativeContractTest checks each declaration against its method (Java types against
 * the C types, the call it makes, the address it reads) and generates pgj-native's
 * {@code functions.c} from all of them: a {@code StaticAssertDecl} per function that the
 * prototype is the one the headers declare, and the {@code fn.*} entries of the facts table. So
 * a wrong prototype, a function a major lacks or a misspelt name fails the native build on
 * every major pgj.so is built for (see docs/internals.md, "The native contract").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CFunction {
    /** The prototype as the header declares it, without parameter names: {@code char *format_type_be(Oid)}. */
    String value();

    /** The header that declares it, as {@code #include}d: {@code "utils/builtins.h"}; pgj-native's own are in pgj.h. */
    String header() default "pgj.h";

    /** How Java calls it. */
    Call call() default Call.GUARDED;

    enum Call {
        /** May ereport: {@link Guard#call}, inside pgj_guard_call's PG_TRY. */
        GUARDED,
        /** Never ereports: {@link Native#direct}, no trampoline. */
        DIRECT,
        /** A downcall shape of its own (the two trampolines themselves). */
        LINKED
    }
}
