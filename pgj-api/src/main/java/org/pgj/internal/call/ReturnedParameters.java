package org.pgj.internal.call;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pgj.internal.nativecall.Facts;
import org.pgj.internal.nativecall.Native;
import org.pgj.types.AnyElement;

/**
 * Methods whose whole body returns one of their parameters ({@code return state;}, as the state
 * functions of {@code first()} and {@code last()}). The call handler returns such an argument's
 * Datum itself once a call through Java has succeeded at a call site and returned that very
 * Datum (call_handler.c {@code decide_returned_argument}), as a C function returns
 * {@code PG_GETARG_DATUM(n)}: an aggregate over such a function costs no upcall per row, which
 * alone is about as much as the C original's whole row.
 *
 * <p>Only where the result cannot differ from the argument: an {@link AnyElement} returned as an
 * {@code AnyElement} (the call site's actual types must then be the same), or an {@code int},
 * {@code long}, {@code short} or {@code boolean} whose parameter and result have the same SQL type.
 */
final class ReturnedParameters {
    private static final long RETURNED_ARGUMENT = Facts.get("PgjFunctionSlot.returned_argument");
    private static final long POLYMORPHIC = Facts.get("PgjFunctionSlot.polymorphic");
    /** Primitives whose Datum is the value itself, by the SQL type they map to. */
    private static final Map<Class<?>, Integer> EXACT = Map.of(int.class, Facts.getInt("INT4OID"),
            long.class, Facts.getInt("INT8OID"), short.class, Facts.getInt("INT2OID"), boolean.class, Facts.getInt("BOOLOID"));
    private static final Set<Class<?>> TWO_SLOTS = Set.of(long.class, double.class);

    private ReturnedParameters() {
    }

    /** Tells the native side (the function's {@code PgjFunctionSlot}) which parameter {@code method} returns, if any. */
    static void mark(long slot, Method method, int[] argTypes, int retType) {
        int parameter = returned(method);
        if (parameter < 0) {
            return;
        }
        Class<?> type = method.getParameterTypes()[parameter];
        boolean polymorphic = type == AnyElement.class;
        if (!polymorphic && !(EXACT.containsKey(type) && argTypes[parameter] == retType && EXACT.get(type) == retType)) {
            return;
        }
        Native.ALL.set(ValueLayout.JAVA_BOOLEAN, slot + POLYMORPHIC, polymorphic);
        Native.ALL.set(ValueLayout.JAVA_INT, slot + RETURNED_ARGUMENT, parameter + 1);
    }

    /** The parameter the method's code only returns, or -1. */
    static int returned(Method method) {
        Class<?> owner = method.getDeclaringClass();
        ClassLoader loader = owner.getClassLoader();
        if (loader == null) {
            return -1;
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(owner.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                return -1;
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return -1;
        }
        ClassModel model = ClassFile.of().parse(bytes);
        String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
        for (MethodModel m : model.methods()) {
            if (m.methodName().equalsString(method.getName()) && m.methodType().equalsString(descriptor)) {
                return m.code().map(code -> returned(code, method)).orElse(-1);
            }
        }
        return -1;
    }

    /** {@code xload n; xreturn} and nothing else (labels and debug entries aside) returns the parameter in slot n. */
    private static int returned(CodeModel code, Method method) {
        List<Instruction> instructions = code.elementStream().filter(e -> e instanceof Instruction)
                .map(e -> (Instruction) e).toList();
        if (instructions.size() != 2 || !(instructions.get(0) instanceof LoadInstruction load)
                || !(instructions.get(1) instanceof ReturnInstruction ret) || load.typeKind() != ret.typeKind()) {
            return -1;
        }
        Class<?>[] types = method.getParameterTypes();
        int slot = 0;
        for (int i = 0; i < types.length; i++) {
            if (slot == load.slot()) {
                return types[i] == method.getReturnType() ? i : -1;
            }
            slot += TWO_SLOTS.contains(types[i]) ? 2 : 1;
        }
        return -1;
    }
}
