package org.pgj.maven;

import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;

/**
 * Dependencies of scope {@code provided}: in a web application the container provides them, but
 * a PostgreSQL backend provides nothing beyond pgj-api. The stage leaves them out, so code that
 * uses one compiles and then fails in the server with NoClassDefFoundError; the build says so.
 */
final class ProvidedDependencies {
    private ProvidedDependencies() {
    }

    /** One warning per provided dependency other than pgj's own, naming it and what to do. */
    static List<String> warnings(Collection<Artifact> artifacts) {
        return artifacts.stream()
                .filter(a -> Artifact.SCOPE_PROVIDED.equals(a.getScope()))
                .filter(a -> !(Stager.GROUP.equals(a.getGroupId())
                        && (Stager.API.equals(a.getArtifactId()) || Stager.PROCESSOR.equals(a.getArtifactId()))))
                .map(a -> "dependency " + a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getBaseVersion()
                        + " has scope provided, so it is not staged: the backend does not provide it, and extension code"
                        + " that uses it fails there with NoClassDefFoundError. Give it scope compile (the default),"
                        + " or runtime")
                .toList();
    }
}
