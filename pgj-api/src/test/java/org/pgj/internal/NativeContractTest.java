package org.pgj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's check of the native contract: every {@code @CFunction} declaration agrees with the
 * method that carries it, each function is declared once, only declarations call through the
 * trampolines, every {@code fn.*} fact Java reads is declared (facts.c lists none), and
 * pgj-native's functions.c is what the declarations generate. The C compiler then
 * checks functions.c against the headers of every major pgj.so is built for; the last tests show
 * that it does, by compiling a wrong declaration against this machine's PostgreSQL.
 */
class NativeContractTest {
    private static final Path CLASSES = Path.of(System.getProperty("pgj.api.classes", "target/classes"));
    private static final Path NATIVE_SOURCES = Path.of(System.getProperty("pgj.native.sources", "../pgj-native/src/main/c"));
    private static final Path FUNCTIONS_C = NATIVE_SOURCES.resolve("functions.c");
    private static final MethodTypeDesc STRING_OF_INT = MethodTypeDesc.of(ConstantDescs.CD_String, ConstantDescs.CD_int);

    @Test
    void everyDeclarationAgreesWithItsMethod() throws IOException {
        NativeContract contract = NativeContract.read(CLASSES, factsC());
        assertTrue(contract.entries().size() > 0, "no @CFunction declarations in " + CLASSES);
        assertEquals(List.of(), contract.problems());
    }

    @Test
    void functionsCIsGeneratedFromTheDeclarations() throws IOException {
        String expected = NativeContract.generate(NativeContract.read(CLASSES, factsC()).entries());
        if (Boolean.getBoolean("pgj.contract.write")) {
            Files.writeString(FUNCTIONS_C, expected);
        }
        assertEquals(expected, Files.readString(FUNCTIONS_C), FUNCTIONS_C.toAbsolutePath() + " is not what the "
                + "@CFunction declarations generate: mvn -o -pl pgj-api test -Dtest=NativeContractTest -Dpgj.contract.write=true");
    }

    @Test
    void findsWhatADeclarationGetsWrong(@TempDir Path dir) throws IOException {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        try (var in = WrongDeclarations.class.getResourceAsStream("WrongDeclarations.class")) {
            Files.write(classes.resolve("WrongDeclarations.class"), in.readAllBytes());
        }
        List<String> problems = NativeContract.read(classes, Set.of("fn.pgj_guard_call", "INT4OID")).problems();
        assertEquals(7, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("WrongDeclarations.typeName (char *format_type_be(Oid)) takes Java [J]; the C "
                + "parameters need [I]"), problems.get(0));
        assertTrue(problems.get(1).contains("WrongDeclarations.typeOid (Oid format_type_be(Oid)) is declared DIRECT: call it through "
                + "Native.direct only"), problems.get(1));
        assertTrue(problems.get(2).contains("WrongDeclarations.unread (char *format_procedure(Oid)) reads the addresses of [], not "
                + "of format_procedure alone"), problems.get(2));
        assertTrue(problems.get(3).startsWith("WrongDeclarations.byHand calls Guard.call or Native.direct itself"), problems.get(3));
        assertTrue(problems.get(4).startsWith("format_type_be is declared twice, by WrongDeclarations.typeName and WrongDeclarations.typeOid"),
                problems.get(4));
        assertTrue(problems.get(5).startsWith("fn.pgj_guard_call is listed in facts.c: declare the function with @CFunction"),
                problems.get(5));
        assertTrue(problems.get(6).startsWith("[WrongDeclarations] read fact \"fn.get_namespace_name\", which no @CFunction declares"),
                problems.get(6));
    }

    @Test
    void theDeclarationsCompileAgainstThisServer(@TempDir Path dir) throws Exception {
        Compilation c = compile(dir, NativeContract.generate(NativeContract.read(CLASSES, factsC()).entries()));
        assertEquals(0, c.exitCode(), c.output());
    }

    @Test
    void aWrongPrototypeOrAMissingFunctionFailsTheNativeBuild(@TempDir Path dir) throws Exception {
        List<NativeContract.Entry> wrong = new ArrayList<>();
        wrong.add(NativeContract.Entry.of("Wrong.constTypeName", STRING_OF_INT, "const char *format_type_be(Oid)",
                "utils/builtins.h", "GUARDED"));
        wrong.add(NativeContract.Entry.of("Wrong.typeName", STRING_OF_INT, "char *format_type_be(int64)",
                "utils/builtins.h", "GUARDED"));
        wrong.add(NativeContract.Entry.of("Wrong.misspelt", STRING_OF_INT, "char *format_typ_be(Oid)",
                "utils/builtins.h", "GUARDED"));
        Compilation c = compile(dir, NativeContract.generate(wrong));
        assertTrue(c.exitCode() != 0, c.output());
        assertTrue(c.output().contains("Wrong.constTypeName declares const char *format_type_be(Oid), which is not how "
                + "the headers of this server declare it"), c.output());
        assertTrue(c.output().contains("Wrong.typeName declares char *format_type_be(int64)"), c.output());
        assertTrue(c.output().contains("format_typ_be"), c.output());
    }

    /** The names facts.c lists by hand (NativeContract refuses a function's among them). */
    private static Set<String> factsC() throws IOException {
        return NativeFactTable.parse(Files.readString(NATIVE_SOURCES.resolve("facts.c"))).names();
    }

    private record Compilation(int exitCode, String output) {
    }

    /** Compiles {@code source} as pgj-native's functions.c, without linking, with the server's include flags. */
    private static Compilation compile(Path dir, String source) throws Exception {
        Path file = dir.resolve("functions.c");
        Files.writeString(file, source);
        String pgConfig = System.getenv().getOrDefault("PG_CONFIG", "pg_config");
        String includes = run(List.of(pgConfig, "--includedir-server")).output().strip();
        String cc = run(List.of(pgConfig, "--cc")).output().strip().split("\\s+")[0];
        Path jdk = Path.of(System.getProperty("java.home"));
        // pgj.h wants the runtime's version, which the Makefile passes; any stands in for a syntax check.
        return run(List.of(cc, "-fsyntax-only", "-DPGJ_VERSION=\"0-contract-check\"", "-I" + NATIVE_SOURCES.toAbsolutePath(), "-I" + includes,
                "-I" + jdk.resolve("include"), "-I" + jdk.resolve("include/linux"), file.toString()));
    }

    private static Compilation run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Compilation(p.waitFor(), output);
    }
}
