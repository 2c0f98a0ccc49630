package org.pgj.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationElement;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The native contract as pgj-api's compiled classes declare it: every method annotated
 * {@code @CFunction}, read from the class files (nothing is loaded or initialized), checked
 * against its own code, and turned into pgj-native's {@code functions.c}.
 */
record NativeContract(List<Entry> entries, List<String> problems) {
    static final String CFUNCTION = "Lorg/pgj/internal/nativecall/CFunction;";
    private static final String FACT_PREFIX = "fn.";
    private static final ClassDesc FACTS = ClassDesc.of("org.pgj.internal.nativecall.Facts");
    private static final ClassDesc GUARD = ClassDesc.of("org.pgj.internal.nativecall.Guard");
    private static final ClassDesc NATIVE = ClassDesc.of("org.pgj.internal.nativecall.Native");
    private static final Pattern PROTOTYPE = Pattern.compile("(.*?)\\b(\\w+)\\s*\\((.*)\\)");

    /**
     * One declaration: {@code where} is the method ({@code ServerNames.formatTypeBe}), {@code javaType}
     * its descriptor; {@code returnType}, {@code symbol} and {@code parameters} come from the prototype.
     */
    record Entry(String where, MethodTypeDesc javaType, String prototype, String header, String call,
                 String returnType, String symbol, List<String> parameters) {
        static Entry of(String where, MethodTypeDesc javaType, String prototype, String header, String call) {
            Matcher m = PROTOTYPE.matcher(prototype.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": '" + prototype + "' is not a C prototype (type name(types))");
            }
            String parameters = m.group(3).strip();
            List<String> types = parameters.isEmpty() || parameters.equals("void") ? List.of()
                    : Stream.of(parameters.split(",")).map(String::strip).toList();
            return new Entry(where, javaType, prototype.strip(), header, call, m.group(1).strip(), m.group(2), types);
        }

        /** The prototype as a pointer type: {@code char *(*)(Oid)}. */
        String pointerType() {
            return returnType + (returnType.endsWith("*") ? "" : " ") + "(*)(" + (parameters.isEmpty() ? "void"
                    : String.join(", ", parameters)) + ")";
        }
    }

    /**
     * Reads every class under {@code classes} (a compiled output folder). {@code factsC} are the
     * names facts.c lists by hand: none may be a function's, since functions.c lists them all.
     */
    static NativeContract read(Path classes, Set<String> factsC) {
        List<ClassModel> models;
        try (Stream<Path> files = Files.walk(classes)) {
            models = files.filter(f -> f.toString().endsWith(".class")).sorted().map(NativeContract::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> addressFields = new HashMap<>();
        Map<String, Set<String>> requests = new HashMap<>();
        for (ClassModel model : models) {
            String owner = model.thisClass().asInternalName();
            for (MethodModel method : model.methods()) {
                method.code().ifPresent(code -> scanFacts(owner, method, code, addressFields, requests));
            }
        }
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ClassModel model : models) {
            for (MethodModel method : model.methods()) {
                java.util.Optional<Entry> entry = declaration(model, method);
                if (entry.isPresent()) {
                    entries.add(entry.get());
                    problems.addAll(check(entry.get(), method, addressFields));
                } else if (callsByHand(model, method)) {
                    problems.add(simpleName(model.thisClass().asInternalName()) + "." + method.methodName().stringValue()
                            + " calls Guard.call or Native.direct itself: call the @CFunction method of that function");
                }
            }
        }
        Map<String, String> declared = new HashMap<>();
        for (Entry entry : entries) {
            String earlier = declared.putIfAbsent(entry.symbol(), entry.where());
            if (earlier != null) {
                problems.add(entry.symbol() + " is declared twice, by " + earlier + " and " + entry.where()
                        + ": call the one declaration");
            }
        }
        factsC.stream().filter(name -> name.startsWith(FACT_PREFIX)).sorted().forEach(name ->
                problems.add(name + " is listed in facts.c: declare the function with @CFunction on the method that calls it,"
                        + " and remove it from facts.c"));
        requests.forEach((symbol, where) -> {
            if (!declared.containsKey(symbol)) {
                problems.add(where + " read fact \"fn." + symbol + "\", which no @CFunction declares");
            }
        });
        return new NativeContract(entries, problems);
    }

    private static ClassModel parse(Path file) {
        try {
            return ClassFile.of().parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records which static fields hold which function's address, and every class that reads an fn.* fact. */
    private static void scanFacts(String owner, MethodModel method, CodeModel code, Map<String, String> addressFields,
                                  Map<String, Set<String>> requests) {
        String loaded = null;
        for (var element : code) {
            if (element instanceof ConstantInstruction.LoadConstantInstruction ldc
                    && ldc.constantEntry() instanceof StringEntry s && s.stringValue().startsWith(FACT_PREFIX)) {
                loaded = s.stringValue().substring(FACT_PREFIX.length());
                requests.computeIfAbsent(loaded, k -> new TreeSet<>()).add(simpleName(owner));
            } else if (element instanceof FieldInstruction f && loaded != null
                    && f.opcode() == java.lang.classfile.Opcode.PUTSTATIC) {
                addressFields.put(f.owner().asInternalName() + "." + f.name().stringValue(), loaded);
                loaded = null;
            }
        }
    }

    private static java.util.Optional<Entry> declaration(ClassModel model, MethodModel method) {
        return method.findAttribute(Attributes.runtimeVisibleAnnotations()).stream()
                .flatMap(a -> a.annotations().stream())
                .filter(a -> a.className().stringValue().equals(CFUNCTION))
                .findFirst()
                .map(a -> Entry.of(simpleName(model.thisClass().asInternalName()) + "." + method.methodName().stringValue(),
                        method.methodTypeSymbol(), element(a, "value", null), element(a, "header", "pgj.h"),
                        element(a, "call", "GUARDED")));
    }

    private static String element(Annotation annotation, String name, String absent) {
        for (AnnotationElement e : annotation.elements()) {
            if (e.name().stringValue().equals(name)) {
                return switch (e.value()) {
                    case AnnotationValue.OfString s -> s.stringValue();
                    case AnnotationValue.OfEnum en -> en.constantName().stringValue();
                    default -> throw new IllegalArgumentException(name + " = " + e.value());
                };
            }
        }
        return absent;
    }

    private static List<String> check(Entry entry, MethodModel method, Map<String, String> addressFields) {
        List<String> problems = new ArrayList<>();
        String at = entry.where() + " (" + entry.prototype() + ")";
        if ((method.flags().flagsMask() & ClassFile.ACC_STATIC) == 0) {
            problems.add(at + " is not static");
        }
        List<String> expected = new ArrayList<>();
        for (String parameter : entry.parameters()) {
            expected.add(CTypes.javaParameter(parameter));
        }
        List<String> actual = entry.javaType().parameterList().stream().map(ClassDesc::descriptorString).toList();
        if (!expected.equals(actual)) {
            problems.add(at + " takes Java " + actual + "; the C parameters need " + expected);
        }
        Set<String> results = CTypes.javaResults(entry.returnType());
        String result = entry.javaType().returnType().descriptorString();
        if (!results.contains(result)) {
            problems.add(at + " returns Java " + result + "; the C result needs one of " + results);
        }
        Set<String> read = new HashSet<>();
        boolean guarded = false;
        boolean direct = false;
        for (var element : method.code().orElseThrow()) {
            if (element instanceof FieldInstruction f && f.opcode() == java.lang.classfile.Opcode.GETSTATIC) {
                String symbol = addressFields.get(f.owner().asInternalName() + "." + f.name().stringValue());
                if (symbol != null) {
                    read.add(symbol);
                }
            } else if (element instanceof InvokeInstruction invoke) {
                guarded |= invoke.owner().asSymbol().equals(GUARD) && invoke.name().stringValue().equals("call");
                direct |= invoke.owner().asSymbol().equals(NATIVE) && invoke.name().stringValue().equals("direct");
            }
        }
        if (!read.equals(Set.of(entry.symbol()))) {
            problems.add(at + " reads the addresses of " + read + ", not of " + entry.symbol()
                    + " alone (a static final long from Facts.get(\"fn." + entry.symbol() + "\"))");
        }
        switch (entry.call()) {
            case "GUARDED" -> {
                if (!guarded || direct) {
                    problems.add(at + " is declared GUARDED: call it through Guard.call only");
                }
            }
            case "DIRECT" -> {
                if (!direct || guarded) {
                    problems.add(at + " is declared DIRECT: call it through Native.direct only");
                }
            }
            default -> {
                if (guarded || direct) {
                    problems.add(at + " is declared LINKED: call it through its own downcall handle");
                }
            }
        }
        return problems;
    }

    /**
     * Whether a method that declares no function calls one through a trampoline anyway: only a
     * declaration may, so that each function is reached one way. Guard's and Native's own
     * overloads are the trampolines' plumbing.
     */
    private static boolean callsByHand(ClassModel model, MethodModel method) {
        ClassDesc owner = model.thisClass().asSymbol();
        if (owner.equals(GUARD) || owner.equals(NATIVE) || method.code().isEmpty()) {
            return false;
        }
        for (var element : method.code().get()) {
            if (element instanceof InvokeInstruction invoke && (invoke.owner().asSymbol().equals(GUARD)
                    && invoke.name().stringValue().equals("call")
                    || invoke.owner().asSymbol().equals(NATIVE) && invoke.name().stringValue().equals("direct"))) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    /** pgj-native's functions.c for these declarations. */
    static String generate(List<Entry> entries) {
        StringBuilder c = new StringBuilder("""
                /*
                 * Generated by pgj-api's NativeContractTest from the @CFunction declarations of pgj-api: do not
                 * edit. Regenerate: mvn -o -pl pgj-api test -Dtest=NativeContractTest -Dpgj.contract.write=true
                 *
                 * Each server or pgj-native function Java calls, with the prototype Java was written for. A
                 * prototype this server's headers do not declare, or a function they lack, fails this file's
                 * compilation, on every major pgj.so is built for; the table gives Java the addresses.
                 */
                #include "pgj.h"

                """);
        new TreeSet<>(entries.stream().map(Entry::header).filter(h -> !h.equals("pgj.h")).toList())
                .forEach(h -> c.append("#include \"").append(h).append("\"\n"));
        c.append('\n');
        for (Entry e : entries) {
            c.append("StaticAssertDecl(__builtin_types_compatible_p(__typeof__(&").append(e.symbol()).append("), ")
                    .append(e.pointerType()).append("),\n\t\t\t\t \"").append(e.where()).append(" declares ")
                    .append(e.prototype()).append(", which is not how the headers of this server declare it\");\n");
        }
        c.append("\nconst PgjFact pgj_function_facts[] = {\n");
        for (Entry e : entries) {
            c.append("\t{\"").append(FACT_PREFIX).append(e.symbol()).append("\", (int64) ").append(e.symbol()).append("},\n");
        }
        return c.append("\t{NULL, 0}\n};\n").toString();
    }
}
