package org.pgj.internal.classloading;

import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Methods of extension classes whose whole body returns one of their parameters
 * ({@code return state;}), found while the class is defined, from the parse that
 * {@link CatchRewriter} makes anyway: resolving a function (call.ReturnedParameters) then never
 * reads its class file a second time, which a new connection's first call would pay for.
 */
public final class ReturningMethods {
    /** {@code xload n; xreturn} is at most four bytes of code ({@code wide iload} aside, which no parameter needs). */
    private static final int LONGEST = 4;

    private ReturningMethods() {
    }

    /** The class's methods that only return a local slot: name + descriptor → the slot. */
    static Map<String, Integer> find(ClassModel model) {
        Map<String, Integer> found = Map.of();
        for (MethodModel method : model.methods()) {
            if (method.code().orElse(null) instanceof CodeAttribute code && code.codeLength() <= LONGEST) {
                int slot = returnedSlot(code);
                if (slot >= 0) {
                    if (found.isEmpty()) {
                        found = new HashMap<>();
                    }
                    found.put(method.methodName().stringValue() + method.methodType().stringValue(), slot);
                }
            }
        }
        return found;
    }

    /** {@code xload n; xreturn} and nothing else (labels and debug entries aside): n, else -1. */
    private static int returnedSlot(CodeModel code) {
        Instruction first = null;
        Instruction second = null;
        int count = 0;
        for (var element : code) {
            if (element instanceof Instruction instruction) {
                if (count == 0) {
                    first = instruction;
                } else if (count == 1) {
                    second = instruction;
                }
                count++;
            }
        }
        if (count == 2 && first instanceof LoadInstruction load && second instanceof ReturnInstruction ret
                && load.typeKind() == ret.typeKind()) {
            return load.slot();
        }
        return -1;
    }

    /** The local slot {@code method}'s body only returns, or -1; known only for classes an extension's loader defined. */
    public static int slotReturnedBy(Method method) {
        Class<?> owner = method.getDeclaringClass();
        if (!(owner.getClassLoader() instanceof ExtensionClassLoader loader)) {
            return -1;
        }
        String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString();
        return loader.slotReturnedBy(owner.getName(), method.getName() + descriptor);
    }
}
