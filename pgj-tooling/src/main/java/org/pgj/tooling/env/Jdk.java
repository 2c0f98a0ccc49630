package org.pgj.tooling.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pgj.tooling.ToolException;

/**
 * A JDK on this machine. The backend loads {@link #libjvm()} into PostgreSQL; pgj needs JDK 25
 * ({@link #MINIMUM_FEATURE}), and older JDKs cannot run it.
 */
public final class Jdk {
    /**
     * The oldest feature release that runs pgj: the backend's JVM needs JDK 25's AOT cache and
     * JVMTI behaviour that pgj is tested with, and pgj's classes are compiled for it.
     */
    public static final int MINIMUM_FEATURE = 25;

    private static final Pattern JAVA_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)");

    private final Path home;
    private final int feature;

    private Jdk(Path home, int feature) {
        this.home = home;
        this.feature = feature;
    }

    /** The JDK running this code (java.home), whatever its version. */
    public static Jdk current() {
        return new Jdk(Path.of(System.getProperty("java.home")).toAbsolutePath(), Runtime.version().feature());
    }

    /** A JDK ≥ {@link #MINIMUM_FEATURE}: JAVA_HOME if it is new enough, else the newest under /usr/lib/jvm. */
    public static Jdk find() {
        return find(System.getenv(), Path.of("/usr/lib/jvm"));
    }

    static Jdk find(Map<String, String> env, Path jvmRoot) {
        List<String> seen = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Optional<Jdk> jdk = at(Path.of(javaHome));
            if (jdk.isPresent() && jdk.get().feature >= MINIMUM_FEATURE && Files.isRegularFile(jdk.get().libjvm())) {
                return jdk.get();
            }
            seen.add("JAVA_HOME=" + javaHome + jdk.map(j -> " (Java " + j.feature + ")").orElse(" (not a JDK)"));
        }
        List<Jdk> installed = new ArrayList<>();
        if (Files.isDirectory(jvmRoot)) {
            try (Stream<Path> dirs = Files.list(jvmRoot)) {
                dirs.sorted().forEach(dir -> at(dir).ifPresent(installed::add));
            } catch (IOException e) {
                seen.add(jvmRoot + " (unreadable: " + e.getMessage() + ")");
            }
        }
        Optional<Jdk> best = installed.stream()
                .filter(j -> j.feature >= MINIMUM_FEATURE && Files.isRegularFile(j.libjvm()))
                .max(Comparator.comparingInt(Jdk::feature));
        if (best.isPresent()) {
            return best.get();
        }
        installed.forEach(j -> seen.add(j.home + " (Java " + j.feature + ")"));
        throw new ToolException("pgj needs a JDK " + MINIMUM_FEATURE + " or newer, found "
                + (seen.isEmpty() ? "none" : String.join(", ", seen))
                + ": install Temurin JDK 25 (apt-get install temurin-25-jdk) and set JAVA_HOME to it");
    }

    /** The JDK at {@code home}, if its release file or layout says it is one. */
    static Optional<Jdk> at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(m.group(1));
            // Java 8 and older wrote "1.8.0": feature 1 means "too old", which is all we need.
            return Optional.of(new Jdk(home.toAbsolutePath(), feature));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Path home() {
        return home;
    }

    public int feature() {
        return feature;
    }

    public Path libjvm() {
        return home.resolve("lib/server/libjvm.so");
    }

    /** Fails with the install hint unless this JDK can run pgj. */
    public Jdk requireSupported() {
        if (feature < MINIMUM_FEATURE) {
            throw new ToolException("the JDK at " + home + " is Java " + feature + ", pgj needs " + MINIMUM_FEATURE
                    + " or newer: install Temurin JDK 25 (apt-get install temurin-25-jdk) and set JAVA_HOME to it");
        }
        if (!Files.isRegularFile(libjvm())) {
            throw new ToolException("the JDK at " + home + " has no " + libjvm()
                    + " (a JRE-only or minimal image?): install Temurin JDK 25 and set JAVA_HOME to it");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Java " + feature + " at " + home;
    }
}
