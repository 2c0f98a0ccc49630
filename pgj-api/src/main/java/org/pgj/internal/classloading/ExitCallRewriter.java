package org.pgj.internal.classloading;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;

/**
 * Rewrites calls that would exit the JVM (and with it the backend) into calls to
 * {@link ExitInterceptor}. Classes that never mention them are returned untouched, so the
 * cost is one constant-pool scan per class.
 */
final class ExitCallRewriter {
    private static final ClassDesc INTERCEPTOR = ClassDesc.of(ExitInterceptor.class.getName());
    private static final MethodTypeDesc EXIT = MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int);
    private static final MethodTypeDesc RUNTIME_EXIT = MethodTypeDesc.of(ConstantDescs.CD_void,
            ClassDesc.of("java.lang.Runtime"), ConstantDescs.CD_int);

    private ExitCallRewriter() {
    }

    static byte[] rewrite(byte[] classBytes) {
        // Most classes never name System or Runtime: skip parsing them (and loading the
        // class-file API, which costs tens of milliseconds at the first call of a backend).
        if (!contains(classBytes, "java/lang/System") && !contains(classBytes, "java/lang/Runtime")) {
            return classBytes;
        }
        ClassFile classFile = ClassFile.of();
        ClassModel model = classFile.parse(classBytes);
        if (!mentionsExit(model)) {
            return classBytes;
        }
        CodeTransform code = (builder, element) -> {
            if (element instanceof InvokeInstruction call && isExit(call)) {
                String owner = call.owner().asInternalName();
                if (owner.equals("java/lang/System")) {
                    builder.invokestatic(INTERCEPTOR, "exit", EXIT);
                } else {
                    builder.invokestatic(INTERCEPTOR, "runtimeExit", RUNTIME_EXIT);
                }
            } else {
                builder.with((CodeElement) element);
            }
        };
        return classFile.transformClass(model, ClassTransform.transformingMethodBodies(code));
    }

    private static boolean contains(byte[] haystack, String ascii) {
        byte first = (byte) ascii.charAt(0);
        outer:
        for (int i = 0, last = haystack.length - ascii.length(); i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < ascii.length(); j++) {
                if (haystack[i + j] != (byte) ascii.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean mentionsExit(ClassModel model) {
        for (PoolEntry entry : model.constantPool()) {
            if (entry instanceof MemberRefEntry ref && isExit(ref.owner().asInternalName(), ref.name().stringValue(),
                    ref.type().stringValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isExit(InvokeInstruction call) {
        return isExit(call.owner().asInternalName(), call.name().stringValue(), call.type().stringValue());
    }

    private static boolean isExit(String owner, String name, String descriptor) {
        if (!descriptor.equals("(I)V")) {
            return false;
        }
        return (owner.equals("java/lang/System") && name.equals("exit"))
                || (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt")));
    }
}
