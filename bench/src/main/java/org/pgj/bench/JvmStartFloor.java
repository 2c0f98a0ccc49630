package org.pgj.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What a JVM start costs on this machine outside PostgreSQL, the floor under a backend's first Java
 * call when every backend starts a JVM of its own: {@code java -version} with pgj's collector and
 * compiler flags, once with the JDK's own CDS archive and once with the bench server's AOT cache
 * ({@code pgj.aot}, with the module options it was recorded with: without them the JVM refuses it,
 * as {@code -XX:AOTMode=on} makes sure). The wall time from the process start to its exit, and
 * the CPU time of all its threads (the exited child's cutime + cstime, in 10 ms clock ticks).
 */
final class JvmStartFloor {
    /** The flags of pgj's fixed_jvm_flags (jvm_boot.c) that change what a start does: collector, compiler, signals. */
    private static final List<String> PGJ_FLAGS = List.of("-Xrs", "-Xss8m", "-XX:+UseSerialGC", "-Xms8m",
            "-XX:NewSize=1m", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism", "-XX:-TieredCompilation");

    /** One run: wall and CPU time in ms. */
    record Sample(double wallMs, double cpuMs) {
    }

    private JvmStartFloor() {
    }

    /** {@code java -version} with the JDK's own CDS archive. */
    static List<String> withJdkArchive() {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(PGJ_FLAGS);
        command.add("-version");
        return command;
    }

    /** {@code java -version} with the server's AOT cache, mapped where it was recorded as pgj maps it. */
    static List<String> withPgjCache(Path pgjDir) {
        Path cache = pgjDir.resolve("lib/pgj.aot");
        if (!Files.isRegularFile(cache)) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Djava.class.path=",
                "--module-path=" + pgjDir.resolve("lib/pgj-api.jar"), "--add-modules=org.pgj",
                "--enable-native-access=org.pgj"));
        command.addAll(PGJ_FLAGS);
        command.addAll(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:ArchiveRelocationMode=0", "-XX:-AOTReplayTraining", "-version"));
        return command;
    }

    /** Runs {@code command} {@code times} times, one after the other. */
    static List<Sample> run(List<String> command, int times) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            samples.add(once(command));
        }
        return samples;
    }

    private static Sample once(List<String> command) {
        try {
            long self = ProcessHandle.current().pid();
            double cpuBefore = BackendCpu.childrenMs(self);
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("a bare JVM start took over 60 s: " + String.join(" ", command));
            }
            double wall = (System.nanoTime() - start) / 1e6;
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + " from " + String.join(" ", command)
                        + " (run it to see why: a JDK other than the server's cannot use its AOT cache)");
            }
            return new Sample(wall, BackendCpu.childrenMs(self) - cpuBefore);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** This JVM's java launcher: the bench runs on the JDK the server's JVMs use (bench/run). */
    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String describe(List<Sample> samples) {
        return String.format(Locale.ROOT, "wall median %.0f ms, CPU mean %.0f ms",
                Timing.median(samples.stream().map(Sample::wallMs).toList()),
                Timing.mean(samples.stream().map(Sample::cpuMs).toList()));
    }
}
