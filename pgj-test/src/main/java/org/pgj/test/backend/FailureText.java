package org.pgj.test.backend;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The text {@code pgj_test.run} returns for a failed in-backend test, and its parser on the
 * test-JVM side. A failure travels as text (not as a SQL error) so the test JVM gets the full
 * Java picture: class, message, stack, causes and opentest4j's expected/actual values, which
 * an ERROR's message and context would flatten.
 *
 * <p>Format: a header line, then one throwable as tab-separated, escaped lines:
 * <pre>
 * pgj-test failure 1
 * throwable  &lt;class&gt;  &lt;assertion: 0|1&gt;  &lt;message&gt;
 * expected   &lt;value&gt;                          (optional)
 * actual     &lt;value&gt;                          (optional)
 * at         &lt;class&gt;  &lt;method&gt;  &lt;file&gt;  &lt;line&gt;   (one per frame)
 * suppressed                                  (each followed by a nested throwable)
 * cause                                       (optional, followed by a nested throwable)
 * end
 * </pre>
 * Fields escape {@code \ tab newline CR} and other control characters, and write null as
 * {@code \N}; NUL cannot appear in a PostgreSQL text value, so it must never go out raw.
 */
public final class FailureText {
    /** What {@code pgj_test.run} returns when the test method completed normally. */
    public static final String OK = "OK";
    static final String HEADER = "pgj-test failure 1";
    private static final String NULL = "\\N";
    /** Deep cause chains add nothing a reader can use, and cost text. */
    private static final int MAX_DEPTH = 12;
    private static final String RUNNER = BackendTestRunner.class.getName();

    private FailureText() {
    }

    /** Whether {@code text} (a result of pgj_test.run) is an encoded failure. */
    public static boolean isFailure(String text) {
        return text != null && text.startsWith(HEADER + "\n");
    }

    /** Encodes {@code t}; never throws, whatever {@code t}'s methods do. */
    public static String encode(Throwable t) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        write(out, t, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Throwable t, Set<Throwable> seen, int depth) {
        seen.add(t);
        line(out, "throwable", t.getClass().getName(), t instanceof AssertionError ? "1" : "0", messageOf(t));
        String expected = opentest4jValue(t, "Expected");
        String actual = opentest4jValue(t, "Actual");
        if (expected != null) {
            line(out, "expected", expected);
        }
        if (actual != null) {
            line(out, "actual", actual);
        }
        for (StackTraceElement f : testFrames(t.getStackTrace())) {
            line(out, "at", f.getClassName(), f.getMethodName(), f.getFileName(), Integer.toString(f.getLineNumber()));
        }
        if (depth < MAX_DEPTH) {
            for (Throwable s : t.getSuppressed()) {
                if (!seen.contains(s)) {
                    out.append("suppressed\n");
                    write(out, s, seen, depth + 1);
                }
            }
            Throwable cause = t.getCause();
            if (cause != null && !seen.contains(cause)) {
                out.append("cause\n");
                write(out, cause, seen, depth + 1);
            }
        }
        out.append("end\n");
    }

    private static String messageOf(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return "(getMessage() threw " + e + ")";
        }
    }

    /**
     * The frames up to the test runner's: what lies below (reflection, the runner, pgj's
     * function call machinery) is the same for every test and hides the interesting part.
     */
    static List<StackTraceElement> testFrames(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(RUNNER)) {
                end = i;
                break;
            }
        }
        while (end > 0 && end < frames.length && isReflection(frames[end - 1].getClassName())) {
            end--;
        }
        List<StackTraceElement> kept = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            StackTraceElement f = frames[i];
            // Without the class loader name ("pgj:demo__test//"), IDEs link the frame to the source.
            kept.add(new StackTraceElement(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()));
        }
        return kept;
    }

    private static boolean isReflection(String className) {
        return className.startsWith("java.lang.reflect.") || className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.invoke.");
    }

    /**
     * opentest4j's expected or actual value, read reflectively: the runner must not need
     * opentest4j on the backend's class path, since a project may assert with something else.
     */
    private static String opentest4jValue(Throwable t, String which) {
        if (!extendsClass(t.getClass(), "org.opentest4j.AssertionFailedError")) {
            return null;
        }
        try {
            Method defined = t.getClass().getMethod("is" + which + "Defined");
            if (!Boolean.TRUE.equals(defined.invoke(t))) {
                return null;
            }
            Object wrapper = t.getClass().getMethod("get" + which).invoke(t);
            return wrapper == null ? null : String.valueOf(wrapper.getClass().getMethod("getStringRepresentation").invoke(wrapper));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static boolean extendsClass(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void line(StringBuilder out, String tag, String... fields) {
        out.append(tag);
        for (String f : fields) {
            out.append('\t').append(escape(f));
        }
        out.append('\n');
    }

    static String escape(String s) {
        if (s == null) {
            return NULL;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    boolean lone = Character.isHighSurrogate(c) ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                            : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
                    // Control characters and lone surrogates cannot (all) be sent as UTF-8 text.
                    if (c < 0x20 || c == 0x7f || lone) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        if (s.equals(NULL)) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= s.length()) {
                throw malformed("a field ends with a lone backslash");
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        throw malformed("a \\u escape is cut short");
                    }
                    try {
                        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    } catch (NumberFormatException ex) {
                        throw malformed("a \\u escape is not four hex digits");
                    }
                    i += 4;
                }
                default -> throw malformed("unknown escape \\" + e);
            }
        }
        return out.toString();
    }

    /** Parses {@link #encode}'s output; throws IllegalArgumentException for anything else. */
    public static RemoteThrowable decode(String text) {
        if (!isFailure(text)) {
            throw malformed("it does not start with '" + HEADER + "'");
        }
        List<String> lines = text.lines().toList();
        int[] next = {1};
        RemoteThrowable t = read(lines, next);
        if (next[0] != lines.size()) {
            throw malformed("unexpected line " + (next[0] + 1) + " after the throwable");
        }
        return t;
    }

    private static RemoteThrowable read(List<String> lines, int[] next) {
        String[] head = fields(lines, next[0]++, "throwable", 3);
        String className = unescape(head[1]);
        boolean assertion = head[2].equals("1");
        String message = unescape(head[3]);
        String expected = null;
        String actual = null;
        List<StackTraceElement> frames = new ArrayList<>();
        List<RemoteThrowable> suppressed = new ArrayList<>();
        RemoteThrowable cause = null;
        while (true) {
            if (next[0] >= lines.size()) {
                throw malformed("the throwable " + className + " has no 'end' line");
            }
            String line = lines.get(next[0]);
            String tag = line.indexOf('\t') < 0 ? line : line.substring(0, line.indexOf('\t'));
            switch (tag) {
                case "expected" -> expected = unescape(fields(lines, next[0]++, tag, 1)[1]);
                case "actual" -> actual = unescape(fields(lines, next[0]++, tag, 1)[1]);
                case "at" -> {
                    String[] f = fields(lines, next[0]++, tag, 4);
                    int lineNumber;
                    try {
                        lineNumber = Integer.parseInt(f[4]);
                    } catch (NumberFormatException e) {
                        throw malformed("line number '" + f[4] + "' in a frame is not a number");
                    }
                    frames.add(new StackTraceElement(unescape(f[1]), unescape(f[2]), unescape(f[3]), lineNumber));
                }
                case "suppressed" -> {
                    next[0]++;
                    suppressed.add(read(lines, next));
                }
                case "cause" -> {
                    next[0]++;
                    cause = read(lines, next);
                }
                case "end" -> {
                    next[0]++;
                    return new RemoteThrowable(className, message, assertion, expected, actual, frames, suppressed, cause);
                }
                default -> throw malformed("unknown line '" + line + "'");
            }
        }
    }

    private static String[] fields(List<String> lines, int index, String tag, int count) {
        if (index >= lines.size()) {
            throw malformed("it ends where a '" + tag + "' line was expected");
        }
        String[] f = lines.get(index).split("\t", -1);
        if (!f[0].equals(tag) || f.length != count + 1) {
            throw malformed("line " + (index + 1) + " is not a '" + tag + "' line with " + count + " field(s): " + lines.get(index));
        }
        return f;
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not a pgj-test failure text: " + why
                + " (are pgj-test in the test JVM and in the backend's stage the same version?)");
    }
}
