package org.pgj.processor;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pgj.bgworker.StaticBackgroundWorker;
import org.pgj.bgworker.StaticWorkerRegistration;
import org.pgj.fdw.PgForeignDataWrapper;
import org.pgj.hooks.PgHooks;
import org.pgj.shmem.SharedMemory;
import org.pgj.guc.GucSettings;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.pgj.aggregates.PgAggregate;
import org.pgj.functions.ExtensionSql;
import org.pgj.functions.PgExtension;
import org.pgj.functions.PgFunction;
import org.pgj.functions.PgProcedure;
import org.pgj.events.PgEventTrigger;
import org.pgj.indexes.GinSupport;
import org.pgj.indexes.IndexSupport;
import org.pgj.indexes.PgOperatorClass;
import org.pgj.triggers.PgTrigger;
import org.pgj.types.PgType;

/**
 * Generates a pgj extension's control file, install script and object index from its
 * {@code @PgFunction}, {@code @PgProcedure}, {@code @PgTrigger}, {@code @PgAggregate}, {@code @PgType},
 * {@code @PgOperatorClass}, {@code @PgExtension} and
 * {@code @ExtensionSql} annotations.
 *
 * <p>Declarations are read as each round brings them; the files are written once, in the last
 * round, because ordering and duplicate checks need every object. Nothing is written when the
 * sources have no {@code @PgFunction}, {@code @PgProcedure} or {@code @PgExtension}, so a plain Java module
 * with this processor on its path is unaffected, nor when any error was reported.
 *
 * <p>Options: {@code pgj.name} and {@code pgj.version} (the build passes the project's artifactId
 * and version), {@code pgj.sqlDir} (where {@code @ExtensionSql(file = ...)} paths start; by
 * default the project's {@code src/main/sql}).
 */
public final class PgjProcessor extends AbstractProcessor {
    static final String OUTPUT_DIR = "META-INF/pgj/";
    /** extension.properties: the @StaticWorkerRegistration methods the stage goal runs. */
    static final String STATIC_WORKER_REGISTRATIONS = "static_worker_registrations";
    /** extension.properties: the classes whose @SharedMemory fields the stage goal reads. */
    static final String SHARED_MEMORY_CLASSES = "shared_memory_classes";

    private Reporter reporter;
    private JavaTypeNames names;
    private CompositeTypes composites;
    private FunctionReader functionReader;
    private AggregateReader aggregateReader;
    private TriggerReader triggerReader;
    private OperatorClassReader operatorClassReader;
    private EventTriggerReader eventTriggerReader;
    private SqlBlockReader blockReader;
    private ForeignDataWrapperReader wrapperReader;
    private Optional<Path> sqlDir;

    private final List<SqlFunction> functions = new ArrayList<>();
    private final List<SqlAggregate> aggregates = new ArrayList<>();
    private final List<SqlOperatorClass> operatorClasses = new ArrayList<>();
    private final List<SqlBlock> blocks = new ArrayList<>();
    private final List<ForeignDataWrapperReader.Wrapper> wrappers = new ArrayList<>();
    private final List<Element> extensionElements = new ArrayList<>();
    private boolean sawFunction;
    private RuntimeManifest manifest;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new Reporter(env.getMessager(), env.getElementUtils());
        names = new JavaTypeNames(env.getElementUtils(), env.getTypeUtils());
        composites = new CompositeTypes(names, reporter);
        functionReader = new FunctionReader(names, composites, reporter);
        aggregateReader = new AggregateReader(names, composites, functionReader, reporter);
        triggerReader = new TriggerReader(names, functionReader, reporter);
        operatorClassReader = new OperatorClassReader(names, reporter);
        eventTriggerReader = new EventTriggerReader(names, functionReader, reporter);
        blockReader = new SqlBlockReader(names, this::sqlDir, reporter);
        manifest = new RuntimeManifest(reporter, env.getElementUtils());
        wrapperReader = new ForeignDataWrapperReader(env.getElementUtils(), env.getTypeUtils(), reporter);
        RuntimeReferences.install(env);
    }

    /**
     * Every round, not just those with pgj annotations: javac only counts {@code -Apgj.*} options as
     * recognised when the processor runs, and would warn in a module without pgj annotations.
     * Nothing is claimed, so other processors still see everything.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(ExtensionInfo.NAME_OPTION, ExtensionInfo.VERSION_OPTION, SqlDirectory.OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<Element> routines = new LinkedHashSet<>(round.getElementsAnnotatedWith(PgFunction.class));
        routines.addAll(round.getElementsAnnotatedWith(PgProcedure.class));
        Map<ExecutableElement, SqlFunction> read = new HashMap<>();
        for (Element e : routines) {
            if (e.getKind() == ElementKind.METHOD) {
                sawFunction = true;
                functionReader.read((ExecutableElement) e).ifPresent(f -> {
                    functions.add(f);
                    read.put((ExecutableElement) e, f);
                });
            }
        }
        for (Element e : round.getElementsAnnotatedWith(PgAggregate.class)) {
            if (e instanceof TypeElement type) {
                sawFunction = true;
                aggregateReader.read(type, read).ifPresent(a -> {
                    functions.addAll(a.functions());
                    aggregates.add(a.aggregate());
                });
            }
        }
        for (AggregateReader.Role role : AggregateReader.Role.values()) {
            for (Element e : round.getElementsAnnotatedWith(role.annotation)) {
                if (e.getKind() == ElementKind.METHOD) {
                    aggregateReader.checkMethod((ExecutableElement) e);
                }
            }
        }
        for (Element e : round.getElementsAnnotatedWith(PgTrigger.class)) {
            if (e.getKind() == ElementKind.METHOD) {
                sawFunction = true;
                triggerReader.read((ExecutableElement) e).ifPresent(functions::add);
            }
        }
        for (Element e : round.getElementsAnnotatedWith(PgOperatorClass.class)) {
            if (e instanceof TypeElement type) {
                sawFunction = true;
                operatorClassReader.read(type).ifPresent(c -> {
                    functions.addAll(c.functions());
                    operatorClasses.add(c.operatorClass());
                });
            }
        }
        for (Class<? extends java.lang.annotation.Annotation> support : List.of(GinSupport.class, IndexSupport.class)) {
            for (Element e : round.getElementsAnnotatedWith(support)) {
                if (e.getEnclosingElement().getAnnotation(PgOperatorClass.class) == null) {
                    reporter.error(e, "@" + support.getSimpleName() + " method " + e.getSimpleName()
                            + " is not in a @PgOperatorClass class; annotate its class with @PgOperatorClass");
                }
            }
        }
        for (Element e : round.getElementsAnnotatedWith(PgEventTrigger.class)) {
            if (e.getKind() == ElementKind.METHOD) {
                sawFunction = true;
                eventTriggerReader.read((ExecutableElement) e).ifPresent(t -> {
                    functions.add(t.function());
                    blocks.add(t.trigger());
                });
            }
        }
        for (Element e : round.getElementsAnnotatedWith(PgType.class)) {
            if (e instanceof TypeElement type) {
                sawFunction = true;
                composites.baseTypes().used(type);
            }
        }
        extensionElements.addAll(round.getElementsAnnotatedWith(PgExtension.class));
        // A repeated @ExtensionSql hides inside its container annotation.
        Set<Element> withBlocks = new LinkedHashSet<>(round.getElementsAnnotatedWith(ExtensionSql.class));
        withBlocks.addAll(round.getElementsAnnotatedWith(ExtensionSql.List.class));
        for (Element e : withBlocks) {
            blocks.addAll(blockReader.read(e));
        }
        for (Element e : round.getElementsAnnotatedWith(PgForeignDataWrapper.class)) {
            sawFunction = true;
            wrapperReader.read(e).ifPresent(w -> {
                wrappers.add(w);
                blocks.add(w.block());
            });
        }
        round.getElementsAnnotatedWith(GucSettings.class).forEach(manifest::addSettings);
        round.getElementsAnnotatedWith(StaticBackgroundWorker.class).forEach(manifest::addWorker);
        round.getElementsAnnotatedWith(StaticWorkerRegistration.class).forEach(manifest::addRegistration);
        round.getElementsAnnotatedWith(SharedMemory.class).forEach(manifest::addSharedMemory);
        round.getElementsAnnotatedWith(PgHooks.class).forEach(e -> manifest.addHooks(e, processingEnv.getTypeUtils()));
        if (round.processingOver()) {
            generate();
        }
        return false; // other processors may read these annotations too
    }

    private void generate() {
        if (!sawFunction && extensionElements.isEmpty() && manifest.isEmpty()) {
            if (!blocks.isEmpty()) {
                reporter.warning(blocks.getFirst().element(), "@ExtensionSql without any @PgFunction or "
                        + "@PgExtension: no extension is generated; add @PgExtension to make one");
            }
            return;
        }
        Optional<ExtensionInfo> ext = ExtensionInfo.resolve(processingEnv.getOptions(), extensionElements, reporter);
        List<SqlFunction> allFunctions = new ArrayList<>(functions);
        composites.baseTypes().created().forEach(t -> allFunctions.addAll(t.functions()));
        new NameClashes(reporter).check(allFunctions, aggregates, blocks);
        List<ScriptObject> objects = new ArrayList<>(composites.baseTypes().created());
        objects.addAll(composites.enums().created());
        objects.addAll(composites.created());
        objects.addAll(functions);
        objects.addAll(aggregates);
        objects.addAll(operatorClasses);
        objects.addAll(blocks);
        DependencyGraph graph = DependencyGraph.of(objects, ext.map(ExtensionInfo::schema).orElse(""), reporter);
        List<ScriptObject> ordered = new DependencyOrder(reporter).order(graph);
        // Rendered first: its checks may still report errors, which must stop every file.
        Optional<String> runtimeManifest = ext.filter(i -> !manifest.isEmpty()).map(i -> manifest.render(i.name()));
        if (ext.isEmpty() || reporter.hasErrors()) {
            return;
        }
        ExtensionInfo info = ext.get();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(info.name() + ".control", ControlFile.render(info));
        files.put(info.name() + "--" + info.version() + ".sql", InstallScript.render(info, ordered));
        Map<String, String> properties = new LinkedHashMap<>(Map.of("name", info.name(), "version", info.version()));
        if (!manifest.registrations().isEmpty()) {
            properties.put(STATIC_WORKER_REGISTRATIONS, String.join(",", manifest.registrations()));
        }
        if (!manifest.sharedMemoryClasses().isEmpty()) {
            properties.put(SHARED_MEMORY_CLASSES, String.join(",", manifest.sharedMemoryClasses()));
        }
        wrappers.forEach(w -> properties.put(ForeignDataWrapperReader.PROPERTY_PREFIX + w.name(), w.className()));
        files.put("extension.properties", PropertiesText.format("pgj extension, generated by pgj", properties));
        runtimeManifest.ifPresent(text -> files.put(info.name() + ".pgj", text));
        files.put(ObjectIndex.PATH.substring(OUTPUT_DIR.length()),
                ObjectIndex.write(info.name(), ObjectIndex.entries(ordered, graph)));
        files.forEach(this::write);
    }

    private void write(String fileName, String text) {
        try {
            FileObject file = processingEnv.getFiler().createResource(
                    StandardLocation.CLASS_OUTPUT, "", OUTPUT_DIR + fileName, originatingElements());
            try (Writer out = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                out.write(text);
            }
        } catch (IOException e) {
            reporter.error(null, "cannot write " + OUTPUT_DIR + fileName + ": " + e.getMessage());
        }
    }

    /** Lets incremental builds know which sources the files came from. */
    private Element[] originatingElements() {
        Set<Element> elements = new LinkedHashSet<>(extensionElements);
        functions.forEach(f -> elements.add(f.element()));
        aggregates.forEach(a -> elements.add(a.element()));
        operatorClasses.forEach(c -> elements.add(c.element()));
        composites.created().forEach(t -> elements.add(t.element()));
        composites.enums().created().forEach(t -> elements.add(t.element()));
        composites.baseTypes().created().forEach(t -> elements.add(t.element()));
        blocks.forEach(b -> elements.add(b.element()));
        elements.addAll(manifest.sources());
        return elements.toArray(Element[]::new);
    }

    private Optional<Path> sqlDir() {
        if (sqlDir == null) {
            sqlDir = SqlDirectory.locate(processingEnv.getOptions().get(SqlDirectory.OPTION), processingEnv.getFiler());
        }
        return sqlDir;
    }
}
