package org.pgj.internal.classloading;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Label;
import java.lang.classfile.MethodBuilder;
import java.lang.classfile.MethodElement;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes every catch handler of extension code start with {@code Pg.checkForInterrupts()}.
 * A cancel or termination that the interrupt watcher throws into extension code could otherwise
 * be caught ({@code catch (Throwable t)}) and the code carry on for ever; with the check, a
 * handler that would catch it while the interrupt is pending throws it again, so the statement
 * ends. The check is one volatile load when nothing is pending. Classes without handlers are
 * left as they are.
 *
 * <p>Every try range also starts with {@code ldc; pop}. HotSpot's oop maps for interpreted frames
 * (GenerateOopMap, which a collection asks for) only reach a handler through an instruction that
 * can throw; a range such as {@code while (true) n++;} has none, so its handler counts as dead
 * code. The watcher's asynchronous stop enters it all the same, and a collection during a call
 * there (the check above, or any call of the handler's own) then ends the JVM with "Illegal
 * class file encountered" — a crash of the backend, seen on an interrupted {@code catch
 * (Throwable t)} around such a loop. An {@code ldc}, which can throw, makes every handler
 * reachable; the JIT removes it, the interpreter pays two bytecodes per entry into the range.
 */
final class CatchRewriter {
    private static final ClassDesc PG = ClassDesc.of("org.pgj.Pg");
    private static final MethodTypeDesc NO_ARGUMENTS = MethodTypeDesc.of(ConstantDescs.CD_void);
    /** The constant the ranges load: any constant whose ldc can throw, as every ldc can. */
    private static final String RANGE_MARK = "pgj";

    private CatchRewriter() {
    }

    /**
     * The class with its handlers checked; the original bytes if it has none, or if its stack maps
     * cannot be computed again (a type it names is missing), since the watcher still interrupts it.
     */
    static byte[] rewrite(ClassModel model, byte[] classBytes, ClassLoader loader) {
        if (model.methods().stream().noneMatch(CatchRewriter::hasHandlers)) {
            return classBytes;
        }
        ClassHierarchyResolver hierarchy = ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofResourceParsing(loader));
        try {
            return ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(hierarchy))
                    .transformClass(model, ClassTransform.transformingMethods(CatchRewriter::hasHandlers,
                            CatchRewriter::checkHandlers));
        } catch (IllegalArgumentException cannotComputeStackMaps) {
            return classBytes;
        }
    }

    private static boolean hasHandlers(MethodModel method) {
        return method.code().map(code -> !code.exceptionHandlers().isEmpty()).orElse(false);
    }

    /** Reads the method's handler labels before its code streams by, then checks at each. */
    private static void checkHandlers(MethodBuilder method, MethodElement element) {
        if (!(element instanceof CodeModel code)) {
            method.with(element);
            return;
        }
        Set<Label> handlers = new HashSet<>();
        Set<Label> rangeStarts = new HashSet<>();
        for (ExceptionCatch handler : code.exceptionHandlers()) {
            rangeStarts.add(handler.tryStart());
            // Not the catch-all handlers of finally and synchronized, which rethrow anyway and
            // which javac lets cover their own code: a check there would catch itself for ever.
            if (handler.catchType().isPresent()) {
                handlers.add(handler.handler());
            }
        }
        method.transformCode(code, (builder, codeElement) -> {
            builder.with(codeElement);
            if (codeElement instanceof LabelTarget target) {
                if (rangeStarts.contains(target.label())) {
                    builder.ldc(RANGE_MARK).pop();
                }
                if (handlers.contains(target.label())) {
                    builder.invokestatic(PG, "checkForInterrupts", NO_ARGUMENTS);
                }
            }
        });
    }
}
