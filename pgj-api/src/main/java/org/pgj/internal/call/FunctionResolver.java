package org.pgj.internal.call;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.functions.Nullable;
import org.pgj.internal.aggregates.ObjectStates;
import org.pgj.internal.aggregates.SupportFunctions;
import org.pgj.internal.classloading.ExtensionClassLoaders;
import org.pgj.internal.datum.ArrayViews;
import org.pgj.internal.datum.BaseTypeFunctions;
import org.pgj.internal.datum.CallScope;
import org.pgj.internal.datum.Conversion;
import org.pgj.internal.datum.FcInfo;
import org.pgj.internal.datum.TypeMappings;
import org.pgj.internal.encoding.ServerEncoding;
import org.pgj.internal.indexes.GinSupportFunctions;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.internal.nativecall.ServerNames;
import org.pgj.internal.triggers.TriggerFunction;
import org.pgj.types.AnyElement;

/**
 * Resolves a pgj function to its invoker {@code long invoke(long fcinfo)}, once per function
 * per backend (and again after a redefinition): finds the method named by the function's
 * AS clause and generates the code that reads the arguments from the FunctionCallInfo,
 * calls it and writes the result (see {@link InvokerGenerator}).
 */
public final class FunctionResolver {
    private static final int STRICT_FLAG = Facts.getInt("PGJ_FN_STRICT");
    private static final int RETSET_FLAG = Facts.getInt("PGJ_FN_RETSET");
    private static final int PROCEDURE_FLAG = Facts.getInt("PGJ_FN_PROCEDURE");
    private static final int VALIDATE_FLAG = Facts.getInt("PGJ_FN_VALIDATE");
    private static final int TRIGGER_TYPE = Facts.getInt("TRIGGEROID");
    private static final int EVENT_TRIGGER_TYPE = Facts.getInt("EVENT_TRIGGEROID");

    private FunctionResolver() {
    }

    /**
     * Called by call_handler.c (through JNI); returns the function's handle in
     * {@link FunctionTable}, or 0 with an error recorded. With {@code PGJ_FN_VALIDATE} (the
     * language's validator, at CREATE FUNCTION) the function is resolved all the same, but no
     * class is initialized, so none of the extension's code runs, and nothing is kept: the
     * result is 1, or 0 with the error its first call would raise.
     */
    public static long resolve(long fnOid, String prosrc, String dir, int[] argTypes, int retType, int flags,
            long stubSlot, int encoding) {
        try {
            ServerEncoding.use(encoding);
            boolean validating = (flags & VALIDATE_FLAG) != 0;
            MethodHandle invoker = invokerFor((int) fnOid, prosrc, dir, argTypes, retType, flags, !validating ? stubSlot : 0);
            return validating ? 1 : FunctionTable.add(invoker, stubSlot);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return 0;
        }
    }

    /**
     * {@code slot}: the native side's PgjFunctionSlot of the function, 0 when validating, which
     * initializes no class.
     */
    private static MethodHandle invokerFor(int fnOid, String source, String dir, int[] argTypes, int retType, int flags,
            long slot) {
        boolean initialize = slot != 0;
        Describer fn = new Describer(fnOid);
        if (retType == TRIGGER_TYPE) {
            // A trigger function has no SQL arguments; its method takes the TriggerData as a Trigger.
            return TriggerFunction.invoker(findMethod(source, dir, 1, fn, initialize), fn);
        }
        if (GinSupportFunctions.isRole(source)) {
            return GinSupportFunctions.invoker(source, ExtensionClassLoaders.forFolder(dir), fn, initialize);
        }
        if (retType == EVENT_TRIGGER_TYPE) {
            return org.pgj.internal.events.EventTriggerFunction.invoker(findMethod(source, dir, 1, fn, initialize), fn);
        }
        if (BaseTypeFunctions.isRole(source)) {
            return BaseTypeFunctions.invoker(source, ExtensionClassLoaders.forWatchedFolder(dir), fn.describe(), initialize);
        }
        Method method = findMethod(source, dir, argTypes.length, fn, initialize);
        MethodHandle invoker = compose(method, argTypes, retType, (flags & STRICT_FLAG) != 0, (flags & RETSET_FLAG) != 0, fn);
        if (initialize && (flags & (RETSET_FLAG | PROCEDURE_FLAG)) == 0) {
            ReturnedParameters.mark(slot, method, argTypes, retType);
        }
        return invoker;
    }

    /** The function as the server names it, e.g. {@code add_one(integer)}. */
    static String describe(int fnOid) {
        return new Describer(fnOid).describe();
    }

    /**
     * {@code (long fcinfo) -> long Datum}: reads the arguments, calls {@code method}, writes
     * the result; anything thrown is recorded for the native side.
     */
    static MethodHandle compose(Method method, int[] argTypes, int retType, boolean strict, boolean retset,
            TypeMappings.Describer fn) {
        Parameter[] parameters = method.getParameters();
        List<InvokerGenerator.Argument> arguments = new ArrayList<>();
        List<Boolean> refusesNull = new ArrayList<>();
        List<Boolean> objectStates = new ArrayList<>();
        Conversion first = null;
        for (int i = 0; i < parameters.length; i++) {
            Parameter p = parameters[i];
            String name = "$" + (i + 1) + (p.isNamePresent() ? " (" + p.getName() + ")" : "");
            Conversion c = TypeMappings.conversion(p.getParameterizedType(), argTypes[i], i, "parameter " + name, fn);
            first = i == 0 ? c : first;
            // A Java-object aggregate state is NULL before the first row, whatever its declared shape.
            boolean acceptsNull = c.acceptsNull(p.isAnnotationPresent(Nullable.class)) || ObjectStates.carries(c);
            refusesNull.add(!acceptsNull);
            objectStates.add(ObjectStates.carries(c));
            String nullMessage = acceptsNull || strict ? null : "function " + fn.describe() + ": parameter " + name + " cannot be NULL";
            arguments.add(new InvokerGenerator.Argument(c, acceptsNull, strict, nullMessage));
        }
        if (retset) {
            Type element = SetElements.of(method.getGenericReturnType(), fn);
            return InvokerGenerator.generateSet(method, arguments,
                    TypeMappings.conversion(element, retType, "set element", fn));
        }
        Conversion result = ObjectStates.result(
                TypeMappings.conversion(method.getGenericReturnType(), retType, "result", fn), first);
        if ((objectStates.contains(true) || ObjectStates.carries(result)) && !SupportFunctions.isSupport(method)) {
            // The server could pass any pointer as internal; only an aggregate's own functions get its states.
            throw new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe() + ": method "
                    + method.getName() + " takes or returns a Java object as internal, which only an aggregate's support"
                    + " functions (@StateFunction, ...) may do");
        }
        MethodHandle invoker = SupportFunctions.wrap(method, InvokerGenerator.generate(method, arguments, result), strict,
                refusesNull, objectStates);
        // Views into server memory, polymorphic types and new aggregate states need the call's scope (see CallScope).
        boolean scoped = needsScope(method.getGenericReturnType()) || ObjectStates.carries(result) || objectStates.contains(true);
        for (Type t : method.getGenericParameterTypes()) {
            scoped |= needsScope(t);
        }
        if (TypeMappings.writesDomain(result.mapping())) {
            invoker = MethodHandles.permuteArguments(MethodHandles.collectArguments(
                    MethodHandles.insertArguments(DomainResults.CHECK_NULL_RESULT, 2, retType), 0, invoker),
                    methodType(long.class, long.class), 0, 0);
        }
        return scoped ? CallScope.around(invoker) : invoker;
    }

    private static boolean needsScope(Type type) {
        String name = type.getTypeName();
        for (Class<?> view : ArrayViews.TYPES) {
            if (name.contains(view.getName())) {
                return true;
            }
        }
        return name.contains(ByteBuffer.class.getName()) || name.contains(AnyElement.class.getName());
    }

    /** Made only when a function returns a domain: a new handle shape costs at a backend's first call. */
    private static final class DomainResults {
        static final MethodHandle CHECK_NULL_RESULT = Native.findStatic(MethodHandles.lookup(), FunctionResolver.class,
                "checkNullResult", methodType(long.class, long.class, long.class, int.class));
    }

    /** The invoker writes non-NULL domain results checked; a NULL one is checked here, as PL/pgSQL checks it. */
    private static long checkNullResult(long result, long fcinfo, int domain) {
        try {
            if (FcInfo.resultIsNull(fcinfo)) {
                TypeMappings.checkDomainNull(domain);
            }
        } catch (Throwable t) {
            ErrorBridge.record(t);
        }
        return result;
    }

    /** {@code class.method(type,...)} → the public static method it names. */
    private static Method findMethod(String source, String dir, int nargs, Describer fn, boolean initialize) {
        int open = source.indexOf('(');
        int dot = open < 0 ? -1 : source.lastIndexOf('.', open);
        if (open < 0 || dot < 0 || !source.endsWith(")")) {
            throw invalid(fn, "the function body '" + source
                    + "' is not a Java method reference; write it as 'com.example.Class.method(int,java.lang.String)'");
        }
        String className = source.substring(0, dot).trim();
        String methodName = source.substring(dot + 1, open).trim();
        String inside = source.substring(open + 1, source.length() - 1).trim();
        String[] paramTypes = inside.isEmpty() ? new String[0] : inside.split("\\s*,\\s*");
        Class<?> owner;
        try {
            owner = Class.forName(className, initialize, ExtensionClassLoaders.forWatchedFolder(dir));
        } catch (ClassNotFoundException e) {
            throw new PgException(SqlState.UNDEFINED_FUNCTION, "function " + fn.describe() + ": class " + className
                    + " not found in the jars of " + ExtensionClassLoaders.folder(dir), null,
                    "Reinstall the extension, or fix the class name in the function's AS clause.");
        } catch (ExceptionInInitializerError e) {
            throw new PgException(SqlState.EXTERNAL_ROUTINE_EXCEPTION, "function " + fn.describe()
                    + ": initializing class " + className + " failed: " + e.getCause(), null, null,
                    ErrorBridge.javaContext(e.getCause()), e.getCause());
        }
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(methodName)
                    && Arrays.equals(Arrays.stream(m.getParameterTypes()).map(Class::getTypeName).toArray(), paramTypes)) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    throw invalid(fn, "method " + source + " is not static");
                }
                if (m.getParameterCount() != nargs && m.getParameterCount() + SupportFunctions.extraArguments(m) != nargs) {
                    throw invalid(fn, "method " + source + " takes " + m.getParameterCount()
                            + " parameters but the SQL function has " + nargs);
                }
                return m;
            }
        }
        throw new PgException(SqlState.UNDEFINED_FUNCTION, "function " + fn.describe() + ": no public static method "
                + methodName + "(" + String.join(",", paramTypes) + ") in " + className, null,
                "Reinstall the extension, or fix the method in the function's AS clause.");
    }

    private static PgException invalid(Describer fn, String message) {
        return new PgException(SqlState.INVALID_FUNCTION_DEFINITION, "function " + fn.describe() + ": " + message);
    }

    /** Names functions and types the way the server prints them. */
    private record Describer(int fnOid) implements TypeMappings.Describer {
        @Override
        public String describe() {
            return ServerNames.formatProcedure(fnOid);
        }

        @Override
        public String sqlTypeName(int oid) {
            return ServerNames.formatTypeBe(oid);
        }

        @Override
        public int functionOid() {
            return fnOid;
        }
    }
}
