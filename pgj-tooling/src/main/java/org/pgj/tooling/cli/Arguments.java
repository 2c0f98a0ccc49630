package org.pgj.tooling.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command's arguments, taken apart as the launcher's commands use them: flags
 * ({@code --sudo}), options with a value ({@code --from 0.1.0}), psql's {@code -c}/{@code -f}
 * pairs in their order, and the rest in order (a PostgreSQL major, a database, test names).
 */
final class Arguments {
    /** A mistake in the command line; the launcher prints it with the usage. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private final List<String> rest;

    Arguments(List<String> args) {
        this.rest = new ArrayList<>(args);
    }

    boolean flag(String name) {
        return rest.remove(name);
    }

    /** The value after {@code name}, or null if {@code name} is absent. */
    String option(String name) {
        int i = rest.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= rest.size()) {
            throw new UsageException(name + " needs a value");
        }
        rest.remove(i);
        return rest.remove(i);
    }

    /** {@code name} with an optional value (the next argument, unless it is another option). */
    String optionalValue(String name, String whenAbsentValue) {
        int i = rest.indexOf(name);
        if (i < 0) {
            return null;
        }
        rest.remove(i);
        if (i < rest.size() && !rest.get(i).startsWith("-")) {
            return rest.remove(i);
        }
        return whenAbsentValue;
    }

    /** Every {@code -c SQL} and {@code -f FILE}, in the order given, as psql takes them. */
    List<String> psqlScripts() {
        List<String> scripts = new ArrayList<>();
        for (int i = 0; i < rest.size(); ) {
            String arg = rest.get(i);
            if (arg.equals("-c") || arg.equals("-f")) {
                if (i + 1 >= rest.size()) {
                    throw new UsageException(arg + " needs " + (arg.equals("-c") ? "a SQL command" : "a file"));
                }
                scripts.add(arg);
                scripts.add(rest.get(i + 1));
                rest.remove(i);
                rest.remove(i);
            } else {
                i++;
            }
        }
        return scripts;
    }

    /** Every {@code --pgNN VALUE}, removed: major → value. */
    java.util.Map<Integer, String> majorOptions() {
        java.util.Map<Integer, String> majors = new java.util.TreeMap<>();
        for (int i = 0; i < rest.size(); ) {
            String arg = rest.get(i);
            if (arg.matches("--pg\\d+")) {
                if (i + 1 >= rest.size()) {
                    throw new UsageException(arg + " needs the path of that major's pg_config");
                }
                majors.put(Integer.parseInt(arg.substring(4)), rest.get(i + 1));
                rest.remove(i);
                rest.remove(i);
            } else {
                i++;
            }
        }
        return majors;
    }

    /** Everything after {@code --}, removed (for Maven arguments). */
    List<String> afterDoubleDash() {
        int i = rest.indexOf("--");
        if (i < 0) {
            return List.of();
        }
        List<String> after = new ArrayList<>(rest.subList(i + 1, rest.size()));
        rest.subList(i, rest.size()).clear();
        return after;
    }

    /** The first remaining argument if {@code test} accepts it, removed; else null. */
    String takeIf(java.util.function.Predicate<String> test) {
        if (!rest.isEmpty() && test.test(rest.get(0))) {
            return rest.remove(0);
        }
        return null;
    }

    /** The remaining arguments; fails on anything that looks like an unknown option. */
    List<String> positional(int max) {
        for (String arg : rest) {
            if (arg.startsWith("-")) {
                throw new UsageException("unknown option " + arg);
            }
        }
        if (rest.size() > max) {
            throw new UsageException("unexpected argument(s): " + String.join(" ", rest.subList(max, rest.size())));
        }
        return List.copyOf(rest);
    }
}
