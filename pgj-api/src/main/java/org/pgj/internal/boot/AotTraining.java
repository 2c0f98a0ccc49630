package org.pgj.internal.boot;

import static java.lang.constant.ConstantDescs.CD_Exception;
import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_int;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.pgj.Pg;
import org.pgj.errors.PgException;
import org.pgj.errors.Subtransaction;
import org.pgj.spi.Spi;

/**
 * Functions the AOT-cache training run calls (pgj-tooling's AotCache), so the cache holds
 * the classes and method handles a typical backend needs on its first call: integer, text
 * and bytea conversions, NULL handling, errors in both directions, logging and SPI; and the
 * writer of the training's extension jar, whose functions take an extension's own path.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static int addOne(int i) {
        return i + 1;
    }

    public static long addLong(long a, long b) {
        return a + b;
    }

    public static double scale(double d, float f) {
        return d * f;
    }

    public static String shout(String s) {
        return s.toUpperCase();
    }

    public static byte[] bytes(byte[] b) {
        return b;
    }

    public static Integer twice(Integer i) {
        return i == null ? null : i * 2;
    }

    public static Optional<String> optional(Optional<String> s) {
        return s;
    }

    public static boolean flag(boolean b, short s) {
        return b && s > 0;
    }

    public static void fail(String message) {
        throw new PgException("P0001", message);
    }

    /** The class of the training's extension (pgj-tooling's AotTrainingExtension), in a jar of its own. */
    private static final String EXTENSION_CLASS = "pgj.aot.training.ExtensionFunctions";

    /**
     * Writes the training's extension jar into {@code folder} (which the tools made for the
     * server's user): one class, {@code int addOne(int)} and {@code String shout(String)}, each
     * with a handler, so that the training loads it as an extension's class is loaded, rewritten
     * for interrupts and called. Returns the jar's path.
     */
    public static String writeExtensionJar(String folder) throws IOException {
        byte[] bytes = ClassFile.of().build(ClassDesc.of(EXTENSION_CLASS), cls -> cls
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withMethodBody("addOne", MethodTypeDesc.of(CD_int, CD_int), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> code.trying(
                                body -> body.iload(0).iconst_1().iadd().ireturn(),
                                catches -> catches.catching(CD_Exception, handler -> handler.pop().iconst_0().ireturn())))
                .withMethodBody("shout", MethodTypeDesc.of(CD_String, CD_String), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        code -> code.trying(
                                body -> body.aload(0).invokevirtual(CD_String, "toUpperCase", MethodTypeDesc.of(CD_String))
                                        .areturn(),
                                catches -> catches.catching(CD_Exception, handler -> handler.pop().aload(0).areturn()))));
        Path jar = Path.of(folder, "pgj-aot-training.jar");
        Path tmp = Path.of(folder, ".pgj-aot-training.jar.pgj-tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jarOut = new JarOutputStream(out)) {
            jarOut.putNextEntry(new JarEntry(EXTENSION_CLASS.replace('.', '/') + ".class"));
            jarOut.write(bytes);
            jarOut.closeEntry();
        }
        Files.move(tmp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return jar.toString();
    }

    public static String caught(String sql) {
        Pg.notice("training");
        try {
            Subtransaction.run(() -> Spi.run(sql));
            return "ok";
        } catch (PgException e) {
            return e.sqlState();
        }
    }
}
