package org.pgj.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The session runs against the pgj artifacts in the local Maven repository, not the checkout's
 * modules. Their POMs take dependency versions from pgj-parent's dependencyManagement: with a
 * parent POM installed before a dependency was added there, Maven finds pgj-test's POM invalid,
 * only warns, and drops its dependencies, so the generated projects' tests fail much later with a
 * NoClassDefFoundError of a pgj-tooling class. Refuse to start on POMs that are not the checkout's.
 */
final class InstalledPoms {
    /** Artifact id → the checkout's POM; what the generated projects and the launcher resolve. */
    private static final Map<String, String> MODULES = Map.of(
            "pgj-parent", "pom.xml",
            "pgj-native", "pgj-native/pom.xml",
            "pgj-api", "pgj-api/pom.xml",
            "pgj-processor", "pgj-processor/pom.xml",
            "pgj-tooling", "pgj-tooling/pom.xml",
            "pgj-maven-plugin", "pgj-maven-plugin/pom.xml",
            "pgj-test", "pgj-test/pom.xml");

    private InstalledPoms() {
    }

    /** Fails, naming the stale POMs and the command that installs them, unless every installed POM is the checkout's. */
    static void check(Path checkout, Path repository, String version) throws IOException {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> m : MODULES.entrySet()) {
            Path installed = repository.resolve("org/pgj").resolve(m.getKey()).resolve(version)
                    .resolve(m.getKey() + "-" + version + ".pom");
            if (!Files.isRegularFile(installed)
                    || !Arrays.equals(Files.readAllBytes(installed), Files.readAllBytes(checkout.resolve(m.getValue())))) {
                stale.add(installed + (Files.isRegularFile(installed) ? " differs from " : " is missing; its source is ")
                        + checkout.resolve(m.getValue()));
            }
        }
        if (!stale.isEmpty()) {
            throw new IllegalStateException("the local Maven repository does not hold this checkout's pgj " + version
                    + " (the session would run against other artifacts):\n  " + String.join("\n  ", stale)
                    + "\ninstall them first from the checkout's root: mvn -B -o install -DskipTests -pl pgj-test,pgj-maven-plugin -am");
        }
    }
}
