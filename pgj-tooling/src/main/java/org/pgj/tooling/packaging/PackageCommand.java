package org.pgj.tooling.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.pgj.tooling.AtomicFiles;
import org.pgj.tooling.ToolContext;
import org.pgj.tooling.ToolException;
import org.pgj.tooling.env.Jdk;
import org.pgj.tooling.env.PgConfig;
import org.pgj.tooling.env.Prerequisites;
import org.pgj.tooling.installation.InstallDirs;
import org.pgj.tooling.installation.Stage;
import org.pgj.tooling.progress.ProgressStep;
import org.pgj.tooling.project.ExtensionProject;
import org.pgj.tooling.project.ProjectBuilder;

/**
 * {@code pgj package [pgNN] [--pg-config PATH]}: the files {@code pgj install} would write, as a
 * tree that mirrors the pg_config paths ({@code target/pgj/package/<ext>-<version>-pg<major>/usr/...},
 * ready for dpkg-deb or rpmbuild), and the same as {@code <ext>-<version>-pg<major>.tar.gz}, which
 * installs with {@code sudo tar -xzf <file> -C /} on a server with the same PostgreSQL major and a JDK.
 */
public final class PackageCommand {
    /** @param deb also the Debian packages ({@link DebPackage}) */
    public record Options(ExtensionProject project, String pg, Path pgConfig, boolean deb) {
    }

    /** The tree and the archive of one package. */
    public record Result(Path tree, Path archive, List<Path> files) {
    }

    private PackageCommand() {
    }

    public static int run(ToolContext ctx, Options o) {
        PgConfig pg = o.pgConfig() != null ? PgConfig.find(o.pgConfig()) : ctx.versions().select(o.pg());
        Prerequisites.forBuild(Jdk.current(), pg);
        ctx.builder().build(o.project(), ProjectBuilder.Phase.STAGE, pg, ctx.progress());
        Stage stage = o.project().stage(pg);
        Result result;
        try (ProgressStep step = ctx.progress().begin("packaging " + stage.extension() + " " + stage.version()
                + " for PostgreSQL " + pg.major())) {
            result = write(stage, pg, o.project().packageDir());
            step.done("packaged " + result.files().size() + " files");
        }
        ctx.out().println("package tree: " + result.tree());
        ctx.out().println("archive:      " + result.archive());
        if (o.deb()) {
            DebPackage.Debs debs;
            try (ProgressStep step = ctx.progress().begin("building the Debian packages (dpkg-deb)")) {
                debs = DebPackage.write(result.tree(), result.files(), InstallDirs.of(pg), pg.major(), stage.extension(), stage.version(),
                        stage.runtime().version(), stage.javaHome(), o.project().packageDir().resolve("deb"));
                step.done("built 2 Debian packages");
            }
            ctx.out().println("Debian packages (the extension, and pgj's runtime it depends on, which extensions of this pgj version share):");
            ctx.out().println("  " + debs.extension());
            ctx.out().println("  " + debs.runtime());
            if (debs.jdkPackage() == null) {
                ctx.out().println("the runtime's package depends on no JDK: " + stage.javaHome() + " is not from a Debian package, so the "
                        + "server needs a JDK " + Jdk.MINIMUM_FEATURE + " there, or pgj.java_home set to one");
            }
            ctx.out().println("install them with: sudo apt-get install " + debs.extension().getParent() + "/*.deb");
            return 0;
        }
        // The JDK of the release pgj-api and the extension are compiled for, not the oldest that runs pgj's FFM code.
        ctx.out().println("install it on a server with PostgreSQL " + pg.major() + " (same paths as " + pg.path()
                + ") and JDK " + Jdk.MINIMUM_FEATURE + ":");
        ctx.out().println("  sudo tar -xzf " + result.archive().getFileName() + " -C /");
        ctx.out().println("then CREATE EXTENSION " + stage.extension() + "; if the JDK is not at " + stage.javaHome()
                + ", set pgj.java_home first (ALTER SYSTEM SET pgj.java_home = '/path/to/jdk'; SELECT pg_reload_conf();)");
        return 0;
    }

    /** Writes the tree (replacing an older one) and the archive for {@code stage}. */
    public static Result write(Stage stage, PgConfig pg, Path packageDir) {
        String name = stage.extension() + "-" + stage.version() + "-pg" + pg.major();
        Path tree = packageDir.resolve(name);
        Path archive = packageDir.resolve(name + ".tar.gz");
        InstallDirs target = InstallDirs.of(pg);
        List<Path> files = new ArrayList<>();
        try {
            AtomicFiles.deleteRecursively(tree);
            Files.createDirectories(tree);
            // The runtime's versioned files only: the pgj.so link is the installer's, never a package's.
            copy(stage.library(), tree, target.library(stage.runtime()), files);
            for (Path file : list(stage.extensionDir())) {
                copy(file, tree, target.extensionDir().resolve(file.getFileName().toString()), files);
            }
            copy(stage.apiJar(), tree, target.runtimeDir(stage.runtime()).resolve("pgj-api.jar"), files);
            for (Path jar : list(stage.extensionJars())) {
                copy(jar, tree, target.pgjDir().resolve(stage.extension()).resolve(jar.getFileName().toString()), files);
            }
            TarGz.write(tree, files, archive);
        } catch (IOException e) {
            throw new ToolException("cannot write the package " + tree + " (" + e.getMessage()
                    + "): check that the build folder is writable", e);
        }
        return new Result(tree, archive, files);
    }

    /** Copies {@code file} to {@code tree + absolute target}; records the relative path. */
    private static void copy(Path file, Path tree, Path target, List<Path> files) throws IOException {
        Path relative = Path.of(target.toAbsolutePath().normalize().toString().substring(1));
        Path into = tree.resolve(relative);
        Files.createDirectories(into.getParent());
        Files.copy(file, into, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        files.add(relative);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
