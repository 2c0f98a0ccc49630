package org.pgj.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * The module boundary at compile time. pgj-api is the module {@code org.pgj}, which exports only
 * the API; a build that puts it on the class path (as Maven does for a project without a
 * module-info) would still let javac resolve the runtime's packages, which then fail to link in
 * the backend. This reports every use of {@code org.pgj.internal} in the sources being compiled
 * as an error where it is written. It looks once javac has attributed each class: resolving
 * names in method bodies while annotations are processed would attribute them early, which
 * breaks later phases (a record's compact constructor, for one).
 */
final class RuntimeReferences implements TaskListener {
    static final String RUNTIME_PACKAGE = "org.pgj.internal";

    private final Trees trees;
    private final Elements elements;
    private final Set<CompilationUnitTree> importsChecked = new HashSet<>();

    private RuntimeReferences(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** Listens to javac's analysis; does nothing outside javac, whose trees this reads. */
    static void install(ProcessingEnvironment env) {
        try {
            JavacTask.instance(env).addTaskListener(new RuntimeReferences(Trees.instance(env), env.getElementUtils()));
        } catch (IllegalArgumentException notJavac) {
            // Another compiler: the runtime still refuses such code when it links.
        }
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
            return;
        }
        CompilationUnitTree unit = event.getCompilationUnit();
        if (importsChecked.add(unit)) {
            unit.getImports().forEach(i -> scan(new TreePath(new TreePath(unit), i)));
        }
        TreePath type = trees.getPath(event.getTypeElement());
        if (type != null) {
            scan(type);
        }
    }

    private void scan(TreePath path) {
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(IdentifierTree tree, Void unused) {
                report(tree);
                return super.visitIdentifier(tree, unused);
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
                // The outermost name of a chain is enough: a.b.C.x names C once.
                if (!report(tree)) {
                    return super.visitMemberSelect(tree, unused);
                }
                return null;
            }

            private boolean report(Tree tree) {
                Element used = trees.getElement(new TreePath(getCurrentPath(), tree));
                if (used == null || used.getKind() == ElementKind.PACKAGE) {
                    return false;
                }
                PackageElement p = elements.getPackageOf(used);
                String name = p == null ? "" : p.getQualifiedName().toString();
                if (!name.equals(RUNTIME_PACKAGE) && !name.startsWith(RUNTIME_PACKAGE + ".")) {
                    return false;
                }
                trees.printMessage(Diagnostic.Kind.ERROR, name + " is pgj's runtime, not its API: an extension may use"
                        + " only the packages that module org.pgj exports (org.pgj, org.pgj.functions, org.pgj.types, ...)",
                        tree, getCurrentPath().getCompilationUnit());
                return true;
            }
        }.scan(path, null);
    }
}
