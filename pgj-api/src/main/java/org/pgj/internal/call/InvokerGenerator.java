package org.pgj.internal.call;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pgj.internal.boot.AotTraining;
import org.pgj.internal.datum.Conversion;
import org.pgj.internal.datum.FcInfo;

/**
 * Generates, per function, a hidden class with one method
 * {@code static long invoke(long fcinfo)} that reads the arguments, calls the user's method
 * and writes the result, all as plain static calls the JIT inlines. Plain bytecode rather
 * than composed method handles: a backend's first call then spins no lambda forms, which
 * measured 70–90 ms against 15–30 ms for generating the class.
 *
 * <p>A conversion that is a public static method is called directly; any other (a composed
 * handle, a user mapping object) is a class-data constant invoked with {@code invokeExact}, and
 * so is the user's method: the class lives beside pgj's runtime, which cannot name the
 * extension's classes. Constant handles inline as well as direct calls once compiled.
 */
final class InvokerGenerator {
    private static final ClassDesc FC_INFO = desc(FcInfo.class);
    private static final ClassDesc ERROR_BRIDGE = desc(ErrorBridge.class);
    private static final ClassDesc OPTIONAL = desc(Optional.class);
    private static final ClassDesc SET_CALLS = desc(SetCalls.class);
    private static final MethodTypeDesc INVOKE = MethodTypeDesc.of(CD_long, CD_long);

    private InvokerGenerator() {
    }

    /** A parameter as the invoker reads it. */
    record Argument(Conversion conversion, boolean acceptsNull, boolean strict, String nullMessage) {
    }

    /** {@code (long fcinfo) -> long Datum} for calling {@code target}. */
    static MethodHandle generate(Method target, List<Argument> arguments, Conversion result) {
        return define(target, (code, constants) -> body(code, target, arguments, result, constants));
    }

    /**
     * {@code (long fcinfo) -> long Datum} for a set-returning {@code target}, one row per call:
     * the first call of a set reads the arguments and starts what the method returned, each
     * call returns its next element (see {@link SetCalls}).
     */
    static MethodHandle generateSet(Method target, List<Argument> arguments, Conversion element) {
        return define(target, (code, constants) -> setBody(code, target, arguments, element, constants));
    }

    private interface Body {
        void write(CodeBuilder code, List<MethodHandle> constants);
    }

    private static MethodHandle define(Method target, Body body) {
        try {
            MethodHandles.Lookup host = MethodHandles.lookup();
            List<MethodHandle> constants = new ArrayList<>();
            ClassDesc self = ClassDesc.of(InvokerGenerator.class.getPackageName() + ".FunctionInvoker");
            byte[] bytes = ClassFile.of().build(self, cls -> cls
                    .withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
                    .withMethodBody("invoke", INVOKE, ClassFile.ACC_STATIC, code -> body.write(code, constants)));
            MethodHandles.Lookup invoker = host.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
            return invoker.findStatic(invoker.lookupClass(), "invoke", MethodType.methodType(long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot generate the invoker of " + target, e);
        }
    }

    /**
     * One call of a set: starts it on the first call, then reads up to
     * {@link SetCalls#rowsWanted} rows into the call site. A throwable after some rows is
     * handed to {@link SetCalls#fail} with their count.
     */
    private static void setBody(CodeBuilder code, Method target, List<Argument> arguments, Conversion element,
            List<MethodHandle> constants) {
        ClassDesc throwable = desc(Throwable.class);
        int set = code.allocateLocal(TypeKind.REFERENCE);
        int read = code.allocateLocal(TypeKind.INT);
        code.aconst_null().astore(set).iconst_0().istore(read);
        code.trying(tryBlock -> {
            Label started = tryBlock.newLabel();
            tryBlock.lload(0).invokestatic(SET_CALLS, "current", MethodTypeDesc.of(CD_Object, CD_long))
                    .astore(set).aload(set).ifnonnull(started);
            for (int i = 0; i < arguments.size(); i++) {
                readArgument(tryBlock, i, arguments.get(i), constants);
            }
            invoke(tryBlock, publicHandle(target), constants);
            int result = tryBlock.allocateLocal(TypeKind.REFERENCE);
            tryBlock.astore(result).lload(0).aload(result)
                    .invokestatic(SET_CALLS, "begin", MethodTypeDesc.of(CD_Object, CD_long, CD_Object)).astore(set);
            tryBlock.labelBinding(started);
            int wanted = tryBlock.allocateLocal(TypeKind.INT);
            tryBlock.aload(set).invokestatic(SET_CALLS, "rowsWanted", MethodTypeDesc.of(CD_int, CD_Object)).istore(wanted);
            Label loop = tryBlock.newLabel();
            Label done = tryBlock.newLabel();
            Label nullRow = tryBlock.newLabel();
            Label stored = tryBlock.newLabel();
            tryBlock.labelBinding(loop).iload(read).iload(wanted).if_icmpge(done);
            tryBlock.aload(set).invokestatic(SET_CALLS, "hasNext", MethodTypeDesc.of(CD_boolean, CD_Object)).ifeq(done);
            tryBlock.aload(set).invokestatic(SET_CALLS, "next", MethodTypeDesc.of(CD_Object, CD_Object));
            checkElement(tryBlock, element.declared());
            int datum = tryBlock.allocateLocal(TypeKind.LONG);
            boolean nullable = toResultDatum(tryBlock, element, constants, nullRow);
            tryBlock.lstore(datum).aload(set).iload(read).lload(datum)
                    .invokestatic(SET_CALLS, "put", MethodTypeDesc.of(CD_void, CD_Object, CD_int, CD_long));
            if (nullable) {
                tryBlock.goto_(stored).labelBinding(nullRow).aload(set).iload(read)
                        .invokestatic(SET_CALLS, "putNull", MethodTypeDesc.of(CD_void, CD_Object, CD_int));
            }
            tryBlock.labelBinding(stored).iinc(read, 1).goto_(loop);
            tryBlock.labelBinding(done).aload(set).iload(read)
                    .invokestatic(SET_CALLS, "filled", MethodTypeDesc.of(CD_long, CD_Object, CD_int)).lreturn();
        }, catches -> catches.catchingAll(handler -> {
            int thrown = handler.allocateLocal(TypeKind.REFERENCE);
            handler.astore(thrown).lload(0).aload(set).iload(read).aload(thrown)
                    .invokestatic(SET_CALLS, "fail", MethodTypeDesc.of(CD_void, CD_long, CD_Object, CD_int, throwable))
                    .lconst_0().lreturn();
        }));
    }

    /**
     * An element (Object on the stack) → the declared element type, or a clear error naming
     * both types. Types this class cannot name are checked by their mapping (a record's).
     */
    private static void checkElement(CodeBuilder code, Class<?> expected) {
        if (!visible(expected)) {
            return;
        }
        int value = code.allocateLocal(TypeKind.REFERENCE);
        Label ok = code.newLabel();
        code.astore(value).aload(value).ifnull(ok).aload(value).instanceOf(desc(expected)).ifne(ok);
        code.lload(0).aload(value).ldc(desc(expected))
                .invokestatic(SET_CALLS, "wrongElement", MethodTypeDesc.of(CD_void, CD_long, CD_Object, desc(Class.class)));
        code.labelBinding(ok).aload(value).checkcast(desc(expected));
    }

    private static void body(CodeBuilder code, Method target, List<Argument> arguments, Conversion result,
            List<MethodHandle> constants) {
        code.trying(tryBlock -> {
            for (int i = 0; i < arguments.size(); i++) {
                readArgument(tryBlock, i, arguments.get(i), constants);
            }
            invoke(tryBlock, publicHandle(target), constants);
            writeResult(tryBlock, result, constants);
        }, catches -> catches.catchingAll(handler -> {
            handler.invokestatic(ERROR_BRIDGE, "record", MethodTypeDesc.of(CD_void, desc(Throwable.class)));
            handler.lconst_0().lreturn();
        }));
    }

    private static void readArgument(CodeBuilder code, int index, Argument argument, List<MethodHandle> constants) {
        Conversion c = argument.conversion();
        if (!argument.acceptsNull()) {
            code.lload(0).loadConstant(index);
            if (argument.strict()) {
                code.invokestatic(FC_INFO, "arg", MethodTypeDesc.of(CD_long, CD_long, CD_int));
            } else {
                code.loadConstant(argument.nullMessage())
                        .invokestatic(FC_INFO, "argNotNull", MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_String));
            }
            fromDatum(code, c, constants);
            return;
        }
        Label notNull = code.newLabel();
        Label done = code.newLabel();
        code.lload(0).loadConstant(index)
                .invokestatic(FC_INFO, "argIsNull", MethodTypeDesc.of(CD_boolean, CD_long, CD_int))
                .ifeq(notNull);
        if (c.shape() == Conversion.Shape.OPTIONAL) {
            code.invokestatic(OPTIONAL, "empty", MethodTypeDesc.of(OPTIONAL));
        } else {
            code.aconst_null();
        }
        code.goto_(done).labelBinding(notNull);
        code.lload(0).loadConstant(index).invokestatic(FC_INFO, "arg", MethodTypeDesc.of(CD_long, CD_long, CD_int));
        fromDatum(code, c, constants);
        box(code, c.mapping().javaType());
        if (c.shape() == Conversion.Shape.OPTIONAL) {
            // ofNullable: a Java-object aggregate state may hold no object yet (ObjectStates.empty)
            code.invokestatic(OPTIONAL, "ofNullable", MethodTypeDesc.of(OPTIONAL, CD_Object));
        }
        code.labelBinding(done);
    }

    private static void writeResult(CodeBuilder code, Conversion c, List<MethodHandle> constants) {
        Label isNull = code.newLabel();
        boolean nullable = toResultDatum(code, c, constants, isNull);
        code.lreturn();
        if (nullable) {
            code.labelBinding(isNull);
            code.lload(0).invokestatic(FC_INFO, "setResultNull", MethodTypeDesc.of(CD_void, CD_long)).lconst_0().lreturn();
        }
    }

    /**
     * The result (on the stack) → a long Datum on the stack; a null result jumps to
     * {@code isNull} with nothing on the stack. Returns whether it can be null.
     */
    private static boolean toResultDatum(CodeBuilder code, Conversion c, List<MethodHandle> constants, Label isNull) {
        switch (c.shape()) {
            case VOID -> {
                code.lconst_0();
                return false;
            }
            case PRIMITIVE -> {
                toDatum(code, c, constants);
                return false;
            }
            default -> {
                if (c.shape() == Conversion.Shape.OPTIONAL) {
                    code.aconst_null().invokevirtual(OPTIONAL, "orElse", MethodTypeDesc.of(CD_Object, CD_Object));
                    if (visible(c.valueType())) {
                        code.checkcast(desc(c.valueType()));
                    }
                }
                int value = code.allocateLocal(TypeKind.REFERENCE);
                code.astore(value).aload(value).ifnull(isNull).aload(value);
                unbox(code, c.valueType(), c.mapping().javaType());
                toDatum(code, c, constants);
                return true;
            }
        }
    }

    /** long Datum on the stack → the mapping's Java type. */
    private static void fromDatum(CodeBuilder code, Conversion c, List<MethodHandle> constants) {
        call(code, c.mapping().fromDatum(), constants);
    }

    /** The mapping's Java type on the stack → long Datum. */
    private static void toDatum(CodeBuilder code, Conversion c, List<MethodHandle> constants) {
        call(code, c.mapping().toDatum(), constants);
    }

    /** A public static method is called directly; any other handle is invoked as a constant. */
    private static void call(CodeBuilder code, MethodHandle handle, List<MethodHandle> constants) {
        MethodHandleInfo info = directStatic(handle);
        if (info != null) {
            code.invokestatic(desc(info.getDeclaringClass()), info.getName(),
                    info.getMethodType().describeConstable().orElseThrow(), info.getDeclaringClass().isInterface());
        } else {
            invoke(code, handle, constants);
        }
    }

    /**
     * Invokes {@code handle} as a class-data constant, its arguments being on the stack:
     * they are parked in locals while the handle is loaded beneath them. Types this class
     * cannot name (an extension's own classes) travel as Object.
     */
    private static void invoke(CodeBuilder code, MethodHandle handle, List<MethodHandle> constants) {
        MethodType type = nameable(handle.type());
        int[] slots = new int[type.parameterCount()];
        for (int i = slots.length - 1; i >= 0; i--) {
            TypeKind kind = TypeKind.from(type.parameterType(i));
            slots[i] = code.allocateLocal(kind);
            code.storeLocal(kind, slots[i]);
        }
        constants.add(handle.asType(type));
        code.ldc(DynamicConstantDesc.ofNamed(ConstantDescs.BSM_CLASS_DATA_AT, ConstantDescs.DEFAULT_NAME,
                ConstantDescs.CD_MethodHandle, constants.size() - 1));
        for (int i = 0; i < slots.length; i++) {
            code.loadLocal(TypeKind.from(type.parameterType(i)), slots[i]);
        }
        code.invokevirtual(ConstantDescs.CD_MethodHandle, "invokeExact", type.describeConstable().orElseThrow());
    }

    private static MethodType nameable(MethodType type) {
        MethodType result = type;
        for (int i = 0; i < type.parameterCount(); i++) {
            if (!visible(type.parameterType(i))) {
                result = result.changeParameterType(i, Object.class);
            }
        }
        return visible(type.returnType()) ? result : result.changeReturnType(Object.class);
    }

    private static boolean visible(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || element.getClassLoader() == null
                || element.getClassLoader() == ClassLoader.getPlatformClassLoader()
                || element.getClassLoader() == InvokerGenerator.class.getClassLoader();
    }

    /**
     * Extensions' methods are looked up as public ones; the runtime's own packages are not exported
     * (module-info), so SQL can name none of their methods, except the AOT cache's training
     * functions, which pgj installs itself.
     */
    private static MethodHandle publicHandle(Method target) {
        try {
            return (target.getDeclaringClass() == AotTraining.class ? MethodHandles.lookup() : MethodHandles.publicLookup())
                    .unreflect(target);
        } catch (IllegalAccessException e) {
            throw new org.pgj.errors.PgException(org.pgj.errors.SqlState.INVALID_FUNCTION_DEFINITION,
                    "method " + target + " is not accessible: make it and its class public");
        }
    }

    private static MethodHandleInfo directStatic(MethodHandle handle) {
        try {
            MethodHandleInfo info = MethodHandles.lookup().revealDirect(handle);
            boolean visible = Modifier.isPublic(info.getModifiers()) && Modifier.isPublic(info.getDeclaringClass().getModifiers());
            return info.getReferenceKind() == MethodHandleInfo.REF_invokeStatic && visible ? info : null;
        } catch (IllegalArgumentException | SecurityException notDirect) {
            return null;
        }
    }

    private static void box(CodeBuilder code, Class<?> type) {
        if (type.isPrimitive()) {
            Class<?> box = MethodType.methodType(type).wrap().returnType();
            code.invokestatic(desc(box), "valueOf", MethodTypeDesc.of(desc(box), desc(type)));
        }
    }

    private static void unbox(CodeBuilder code, Class<?> boxed, Class<?> primitive) {
        if (primitive.isPrimitive()) {
            code.invokevirtual(desc(boxed), primitive.getName() + "Value", MethodTypeDesc.of(desc(primitive)));
        }
    }

    private static ClassDesc desc(Class<?> type) {
        return type.describeConstable().orElseThrow();
    }
}
