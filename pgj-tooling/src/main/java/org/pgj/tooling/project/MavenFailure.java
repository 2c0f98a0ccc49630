package org.pgj.tooling.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a failed Maven build printed, cut to what the user needs. Maven prints each compiler error
 * twice (under "COMPILATION ERROR" and again in the goal's failure), then general advice about -e
 * and -X; shown as is, every error of a build appears twice.
 */
final class MavenFailure {
    private static final Pattern ADVICE = Pattern.compile("^\\[ERROR\\] ?(-> \\[Help 1\\]"
            + "|To see the full stack trace of the errors.*|Re-run Maven using the -X switch.*"
            + "|For more information about the errors and possible solutions.*|\\[Help 1\\] https?://.*)?$");

    private MavenFailure() {
    }

    /** The last {@code maxLines} lines of {@code output} without repeated [ERROR] lines and Maven's general advice. */
    static String summary(String output, int maxLines) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : output.lines().toList()) {
            if (ADVICE.matcher(line).matches() || (line.startsWith("[ERROR] ") && !seen.add(line))) {
                continue;
            }
            kept.add(line);
        }
        return String.join("\n", kept.subList(Math.max(0, kept.size() - maxLines), kept.size()));
    }
}
