package org.pgj.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class ProvidedDependenciesTest {
    private static Artifact artifact(String group, String id, String scope) {
        return new DefaultArtifact(group, id, "1.2.3", scope, "jar", null, new DefaultArtifactHandler("jar"));
    }

    @Test
    void aProvidedLibraryIsNamedWithWhatToDo() {
        List<String> warnings = ProvidedDependencies.warnings(List.of(
                artifact("com.example", "money", Artifact.SCOPE_PROVIDED),
                artifact("com.example", "compiled", Artifact.SCOPE_COMPILE),
                artifact("com.example", "tested", Artifact.SCOPE_TEST)));
        assertEquals(1, warnings.size(), warnings.toString());
        String w = warnings.get(0);
        assertTrue(w.startsWith("dependency com.example:money:1.2.3 has scope provided"), w);
        assertTrue(w.contains("NoClassDefFoundError") && w.contains("scope compile"), w);
    }

    @Test
    void pgjsOwnProvidedArtifactsAreExpected() {
        assertEquals(List.of(), ProvidedDependencies.warnings(List.of(
                artifact("org.pgj", "pgj-api", Artifact.SCOPE_PROVIDED),
                artifact("org.pgj", "pgj-processor", Artifact.SCOPE_PROVIDED))));
    }
}
