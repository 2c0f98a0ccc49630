package org.pgj.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.pgj.bgworker.StaticBackgroundWorker;
import org.pgj.guc.BoolSetting;
import org.pgj.guc.EnumSetting;
import org.pgj.guc.GucContext;
import org.pgj.guc.GucSettings;
import org.pgj.guc.IntSetting;
import org.pgj.guc.RealSetting;
import org.pgj.guc.StringSetting;
import org.pgj.internal.settings.SnakeCase;
import org.pgj.internal.workers.WorkerDeclaration;

/**
 * The extension's runtime manifest, {@code <ext>.pgj}: its settings and static workers, which
 * the native runtime reads without Java (format in pgj-native's manifest.c). Values may not
 * hold tabs or line breaks, which separate fields and records.
 */
final class RuntimeManifest {
    private final Reporter reporter;
    private final Elements elements;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> settingKinds = new LinkedHashMap<>();
    /** A hooked setting's class and check, assign and show methods (empty for none), tab-separated. */
    private final Map<String, String> settingHooks = new LinkedHashMap<>();
    private final List<ExecutableElement> workers = new ArrayList<>();
    private final List<String> registrations = new ArrayList<>();
    private final Set<String> sharedMemoryClasses = new LinkedHashSet<>();
    private final List<String> hooks = new ArrayList<>();
    private final List<Element> sources = new ArrayList<>();

    RuntimeManifest(Reporter reporter, Elements elements) {
        this.reporter = reporter;
        this.elements = elements;
    }

    boolean isEmpty() {
        return settings.isEmpty() && workers.isEmpty() && registrations.isEmpty() && sharedMemoryClasses.isEmpty()
                && hooks.isEmpty();
    }

    /** Classes with @SharedMemory fields, which the build reads. */
    Set<String> sharedMemoryClasses() {
        return sharedMemoryClasses;
    }

    void addSharedMemory(Element e) {
        Set<String> kinds = Set.of("org.pgj.shmem.PgAtomicLong", "org.pgj.shmem.PgAtomicLongArray", "org.pgj.shmem.PgLwLock");
        if (!(e instanceof VariableElement f) || e.getKind() != ElementKind.FIELD || !f.getModifiers().contains(Modifier.STATIC)
                || !f.getModifiers().contains(Modifier.FINAL) || f.asType().getKind() != TypeKind.DECLARED
                || !kinds.contains(((TypeElement) ((DeclaredType) f.asType()).asElement()).getQualifiedName().toString())) {
            reporter.error(e, "@SharedMemory belongs on a static final field of type PgAtomicLong, PgAtomicLongArray"
                    + " or PgLwLock");
            return;
        }
        sources.add(e);
        sharedMemoryClasses.add(elements.getBinaryName((TypeElement) f.getEnclosingElement()).toString());
    }

    /** {@code Class#method} of each @StaticWorkerRegistration method, which the build runs. */
    List<String> registrations() {
        return registrations;
    }

    void addRegistration(Element e) {
        if (!(e instanceof ExecutableElement m) || !m.getModifiers().contains(Modifier.STATIC)
                || !m.getModifiers().contains(Modifier.PUBLIC) || !m.getParameters().isEmpty()
                || !((TypeElement) m.getEnclosingElement()).getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(e, "@StaticWorkerRegistration belongs on a public static method without parameters of a"
                    + " public class");
            return;
        }
        sources.add(e);
        registrations.add(elements.getBinaryName((TypeElement) m.getEnclosingElement()) + "#" + m.getSimpleName());
    }

    List<Element> sources() {
        return sources;
    }

    void addSettings(Element e) {
        if (e.getKind() != ElementKind.INTERFACE) {
            reporter.error(e, "@GucSettings belongs on an interface whose methods are the settings");
            return;
        }
        sources.add(e);
        String prefix = e.getAnnotation(GucSettings.class).value();
        if (!prefix.matches("[a-z][a-z0-9_]*")) {
            reporter.error(e, "@GucSettings(\"" + prefix + "\"): the prefix must be lower-case letters, digits and _");
            return;
        }
        for (Element member : e.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && !member.getModifiers().contains(Modifier.DEFAULT)
                    && !member.getModifiers().contains(Modifier.STATIC)) {
                addSetting(prefix, (ExecutableElement) member);
            }
        }
    }

    private void addSetting(String prefix, ExecutableElement m) {
        TypeMirror type = m.getReturnType();
        String method = m.getSimpleName().toString();
        String kind;
        String name;
        GucContext context;
        String[] values; // default, min, max, options
        String description;
        String[] hookMethods; // check, assign, show
        if (m.getAnnotation(BoolSetting.class) instanceof BoolSetting s && type.getKind() == TypeKind.BOOLEAN) {
            kind = "b";
            name = s.name();
            context = s.context();
            values = new String[] {Boolean.toString(s.defaultValue()), "", "", ""};
            description = s.description();
            hookMethods = new String[] {s.check(), s.assign(), s.show()};
        } else if (m.getAnnotation(IntSetting.class) instanceof IntSetting s && type.getKind() == TypeKind.INT) {
            kind = "i";
            name = s.name();
            context = s.context();
            if (!withinBounds(m, "@IntSetting", s.defaultValue(), s.min(), s.max())) {
                return;
            }
            values = new String[] {Integer.toString(s.defaultValue()), Integer.toString(s.min()),
                    Integer.toString(s.max()), ""};
            description = s.description();
            hookMethods = new String[] {s.check(), s.assign(), s.show()};
        } else if (m.getAnnotation(RealSetting.class) instanceof RealSetting s && type.getKind() == TypeKind.DOUBLE) {
            kind = "r";
            name = s.name();
            context = s.context();
            if (!withinBounds(m, "@RealSetting", s.defaultValue(), s.min(), s.max())) {
                return;
            }
            values = new String[] {Double.toString(s.defaultValue()), Double.toString(s.min()),
                    Double.toString(s.max()), ""};
            description = s.description();
            hookMethods = new String[] {s.check(), s.assign(), s.show()};
        } else if (m.getAnnotation(StringSetting.class) instanceof StringSetting s && isString(type)) {
            kind = "s";
            name = s.name();
            context = s.context();
            values = new String[] {s.defaultValue(), "", "", ""};
            description = s.description();
            hookMethods = new String[] {s.check(), s.assign(), s.show()};
        } else if (m.getAnnotation(EnumSetting.class) instanceof EnumSetting s && isEnum(type)) {
            kind = "e";
            name = s.name();
            context = s.context();
            List<String> constants = enumConstants(type);
            if (!constants.contains(s.defaultValue())) {
                reporter.error(m, "@EnumSetting on " + method + ": default \"" + s.defaultValue()
                        + "\" is not one of " + constants);
                return;
            }
            values = new String[] {s.defaultValue().toLowerCase(Locale.ROOT), "", "",
                    String.join(",", constants.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())};
            description = s.description();
            hookMethods = new String[] {s.check(), s.assign(), s.show()};
        } else {
            reporter.error(m, "setting method " + method + " needs one of @BoolSetting (boolean), @IntSetting (int),"
                    + " @RealSetting (double), @StringSetting (String) or @EnumSetting (an enum), matching its return type");
            return;
        }
        if (!m.getParameters().isEmpty()) {
            reporter.error(m, "setting method " + method + " must take no parameters");
            return;
        }
        String full = prefix + "." + (name.isEmpty() ? SnakeCase.of(method) : name);
        if (settings.containsKey(full)) {
            reporter.error(m, "setting " + full + " is declared twice");
            return;
        }
        if (!checkText(m, "setting " + full, full, description, values[0])) {
            return;
        }
        if (!hooksValid(m, full, hookMethods)) {
            return;
        }
        if (!String.join("", hookMethods).isEmpty()) {
            settingHooks.put(full, elements.getBinaryName((TypeElement) m.getEnclosingElement()) + "\t"
                    + String.join("\t", hookMethods));
        }
        settingKinds.put(full, kind);
        settings.put(full, String.join("\t", "setting", kind, full, context.name().toLowerCase(Locale.ROOT),
                values[0], values[1], values[2], values[3], description));
    }

    /**
     * Each named hook is a non-private static method of the settings interface taking the
     * setting's type: check and assign return void, show returns String.
     */
    private boolean hooksValid(ExecutableElement setting, String full, String[] hookMethods) {
        String[] roles = {"check", "assign", "show"};
        boolean valid = true;
        for (int i = 0; i < roles.length; i++) {
            String name = hookMethods[i];
            if (name.isEmpty()) {
                continue;
            }
            boolean found = false;
            for (Element member : setting.getEnclosingElement().getEnclosedElements()) {
                if (member instanceof ExecutableElement h && h.getSimpleName().contentEquals(name)
                        && h.getModifiers().contains(Modifier.STATIC) && !h.getModifiers().contains(Modifier.PRIVATE)
                        && h.getParameters().size() == 1
                        && h.getParameters().getFirst().asType().toString().equals(setting.getReturnType().toString())
                        && (i == 2 ? isString(h.getReturnType()) : h.getReturnType().getKind() == TypeKind.VOID)) {
                    found = true;
                }
            }
            if (!found) {
                reporter.error(setting, "setting " + full + ": " + roles[i] + " = \"" + name + "\" must name a static,"
                        + " non-private method of this interface taking " + setting.getReturnType() + " and returning "
                        + (i == 2 ? "String" : "void"));
                valid = false;
            }
        }
        return valid;
    }

    private boolean withinBounds(ExecutableElement m, String annotation, Number value, Number min, Number max) {
        double v = value.doubleValue();
        if (min.doubleValue() <= max.doubleValue() && v >= min.doubleValue() && v <= max.doubleValue()) {
            return true;
        }
        reporter.error(m, annotation + " on " + m.getSimpleName() + ": the default " + value + " must lie within min "
                + min + " and max " + max);
        return false;
    }

    void addWorker(Element e) {
        if (!(e instanceof ExecutableElement m) || !m.getModifiers().contains(Modifier.STATIC)
                || !m.getModifiers().contains(Modifier.PUBLIC) || m.getReturnType().getKind() != TypeKind.VOID
                || !(m.getParameters().isEmpty() || m.getParameters().size() == 1
                        && m.getParameters().getFirst().asType().getKind() == TypeKind.INT)
                || !((TypeElement) m.getEnclosingElement()).getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(e, "@StaticBackgroundWorker belongs on a public static void method of a public class,"
                    + " taking an int (the argument) or nothing");
            return;
        }
        sources.add(e);
        workers.add(m);
    }

    /** The manifest's text, once every round is over (instancesSetting may name any setting). */
    String render(String extension) {
        StringBuilder out = new StringBuilder("# pgj runtime manifest of " + extension + ", generated by pgj\n");
        // First: another pgj version's runtime leaves this manifest to this version's (manifest.c).
        out.append("runtime\t").append(RuntimeVersion.VERSION).append('\n');
        settings.forEach((name, line) -> {
            out.append(line);
            if (settingHooks.containsKey(name)) {
                out.append('\t').append(extension).append('\t').append(settingHooks.get(name));
            }
            out.append('\n');
        });
        for (ExecutableElement m : workers) {
            StaticBackgroundWorker w = m.getAnnotation(StaticBackgroundWorker.class);
            String start = WorkerDeclaration.startTime(w.startTime());
            WorkerDeclaration worker = new WorkerDeclaration(extension, w.name(), w.type().isEmpty() ? w.name() : w.type(),
                    elements.getBinaryName((TypeElement) m.getEnclosingElement()).toString(), m.getSimpleName().toString(),
                    start, w.restartSeconds(), w.spiAccess(), w.database(), w.user(), w.argument(),
                    w.instancesSetting().isEmpty() ? Integer.toString(w.instances()) : w.instancesSetting(), w.extra(),
                    w.shmemStartup().isEmpty() ? "" : elements.getBinaryName(worker(m)) + "#" + w.shmemStartup());
            List<String> problems = new ArrayList<>(worker.problems());
            if (!w.shmemStartup().isEmpty() && !hasStartupMethod(worker(m), w.shmemStartup())) {
                problems.add("shmemStartup \"" + w.shmemStartup() + "\" is not a public static void method without"
                        + " parameters of " + worker(m).getSimpleName());
            }
            if (w.instances() < 0) {
                problems.add("instances must be 0 or more");
            }
            if (!w.instancesSetting().isEmpty() && !"i".equals(settingKinds.get(w.instancesSetting()))) {
                problems.add("instancesSetting \"" + w.instancesSetting() + "\" is not an @IntSetting of this extension");
            }
            if (problems.isEmpty()) {
                out.append(worker.manifestLine()).append('\n');
            } else {
                reporter.error(m, "@StaticBackgroundWorker on " + m.getSimpleName() + ": " + String.join("; ", problems));
            }
        }
        hooks.forEach(h -> out.append("hooks\t").append(extension).append('\t').append(h).append('\n'));
        return out.toString();
    }

    /** A @PgHooks class: public, concrete, with a public no-argument constructor, implementing QueryHooks. */
    void addHooks(Element e, Types types) {
        if (!InstantiableClasses.implementing(e, "org.pgj.hooks.QueryHooks", elements, types)) {
            reporter.error(e, "@PgHooks belongs on a public, non-abstract class with a public constructor without"
                    + " parameters that implements org.pgj.hooks.QueryHooks");
            return;
        }
        sources.add(e);
        hooks.add(elements.getBinaryName((TypeElement) e).toString());
    }

    private static TypeElement worker(ExecutableElement m) {
        return (TypeElement) m.getEnclosingElement();
    }

    private static boolean hasStartupMethod(TypeElement owner, String name) {
        return owner.getEnclosedElements().stream().anyMatch(e -> e.getKind() == ElementKind.METHOD
                && e.getSimpleName().contentEquals(name) && e.getModifiers().contains(Modifier.STATIC)
                && e.getModifiers().contains(Modifier.PUBLIC) && ((ExecutableElement) e).getParameters().isEmpty()
                && ((ExecutableElement) e).getReturnType().getKind() == TypeKind.VOID);
    }

    private boolean checkText(Element e, String where, String... texts) {
        for (String t : texts) {
            if (t.indexOf('\t') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                reporter.error(e, where + ": text may not contain tabs or line breaks: \"" + t + "\"");
                return false;
            }
        }
        return true;
    }

    private boolean isString(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
    }

    private static boolean isEnum(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM;
    }

    private static List<String> enumConstants(TypeMirror type) {
        return ((DeclaredType) type).asElement().getEnclosedElements().stream()
                .filter(x -> x.getKind() == ElementKind.ENUM_CONSTANT).map(x -> x.getSimpleName().toString()).toList();
    }
}
