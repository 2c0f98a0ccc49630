package org.pgj.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worked session of a README: every {@code ```console} block, in order, as commands (lines
 * starting with {@code $ }, continued by a trailing backslash or a here-document) and the output
 * the README shows after each. A command whose line ends with a {@code # fails...} comment must
 * exit with an error; every other one must succeed.
 */
record ConsoleSession(List<Step> steps) {
    /** One command, the output the README shows for it, and whether it must fail. */
    record Step(String command, List<String> expected, boolean fails, int readmeLine) {
    }

    private static final Pattern BLOCK = Pattern.compile("(?m)^```console\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern HEREDOC = Pattern.compile("<<-?'?\"?(\\w+)'?\"?");

    static ConsoleSession parse(String readme) {
        List<Step> steps = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            int line = 1 + (int) readme.substring(0, block.start(1)).chars().filter(c -> c == '\n').count();
            List<String> lines = block.group(1).lines().toList();
            int i = 0;
            while (i < lines.size()) {
                String first = lines.get(i);
                if (!first.startsWith("$ ")) {
                    throw new IllegalArgumentException("README line " + (line + i) + ": console blocks start with a `$ ` command, not: " + first);
                }
                int commandLine = line + i;
                StringBuilder command = new StringBuilder(first.substring(2));
                i++;
                while (command.toString().endsWith("\\") && i < lines.size()) {
                    command.append('\n').append(lines.get(i++));
                }
                Matcher heredoc = HEREDOC.matcher(command);
                if (heredoc.find()) {
                    String end = heredoc.group(1);
                    while (i < lines.size()) {
                        String l = lines.get(i++);
                        command.append('\n').append(l);
                        if (l.equals(end)) {
                            break;
                        }
                    }
                }
                List<String> expected = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).startsWith("$ ")) {
                    expected.add(lines.get(i++));
                }
                String text = command.toString();
                boolean fails = text.lines().findFirst().orElse("").matches(".*#\\s*fails\\b.*");
                steps.add(new Step(text, expected, fails, commandLine));
            }
        }
        return new ConsoleSession(steps);
    }
}
