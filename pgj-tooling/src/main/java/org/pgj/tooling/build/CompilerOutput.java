package org.pgj.tooling.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a C build printed, read as GCC (and Clang) write diagnostics: {@code file:line:col:
 * error: message}, followed by indented lines that quote the source. The first error is the one
 * to fix; the errors after it are mostly its consequences.
 */
public final class CompilerOutput {
    private static final Pattern ERROR = Pattern.compile("^\\S+?:\\d+(?::\\d+)?: (?:fatal )?error: .*");
    private static final Pattern WARNING = Pattern.compile("^\\S+?:\\d+(?::\\d+)?: warning: .*");
    /** Lines about a diagnostic that follow it: GCC's quoted source, caret and notes. */
    private static final Pattern CONTEXT = Pattern.compile("^(\\s+.*|\\S+?:\\d+(?::\\d+)?: note: .*)");
    private static final int MAX_CONTEXT_LINES = 8;

    private final List<String> lines;

    public CompilerOutput(String output) {
        this.lines = output.lines().toList();
    }

    /** The first error with the lines that quote it, and the "In file included from" lines before it. */
    public Optional<String> firstError() {
        for (int i = 0; i < lines.size(); i++) {
            if (ERROR.matcher(lines.get(i)).matches()) {
                int from = i;
                while (from > 0 && (lines.get(from - 1).startsWith("In file included from")
                        || lines.get(from - 1).matches("^\\s+from .*"))) {
                    from--;
                }
                int to = i + 1;
                while (to < lines.size() && to - i <= MAX_CONTEXT_LINES && CONTEXT.matcher(lines.get(to)).matches()) {
                    to++;
                }
                return Optional.of(String.join("\n", lines.subList(from, to)));
            }
        }
        return Optional.empty();
    }

    /** How many error lines there are. */
    public long errorCount() {
        return lines.stream().filter(l -> ERROR.matcher(l).matches()).count();
    }

    /** Every warning line ({@code file:line:col: warning: ...}), in order. */
    public List<String> warnings() {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (WARNING.matcher(line).matches()) {
                found.add(line);
            }
        }
        return found;
    }
}
