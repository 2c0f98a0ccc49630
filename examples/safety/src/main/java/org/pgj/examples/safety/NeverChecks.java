package org.pgj.examples.safety;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.pgj.Pg;
import org.pgj.functions.PgFunction;

/**
 * Code that never calls {@code Pg.checkForInterrupts()}: loops, blocking calls, and long work
 * inside the JDK. A cancel, a timeout or a termination stops each of them all the same.
 */
public final class NeverChecks {
    private static final Object LOCK = new Object();
    /** How many times {@link #swallowInterrupts} caught what stopped it. */
    private static long swallowed;

    private NeverChecks() {
    }

    /** A pure loop: no call, no allocation. */
    @PgFunction
    public static long spinForever() {
        RunningJava.announce();
        long n = 0;
        while (true) {
            n++;
            if (n == 0) {
                return n;
            }
        }
    }

    /** A counted loop over ints, which the JIT compiles without safepoint polls unless told. */
    @PgFunction
    public static long sumInts(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i;
        }
        return sum;
    }

    /** Logging only: the server's ereport below ERROR does not check for interrupts. */
    @PgFunction
    public static void logForever() {
        RunningJava.announce();
        for (long i = 0; ; i++) {
            Pg.debug("still here " + i);
        }
    }

    /** Catches everything, including what stops it, and goes on. */
    @PgFunction
    public static void swallowInterrupts() {
        swallow(false);
    }

    /**
     * Catches what stops it and collects garbage in its handler: a collection inside a handler
     * that only an asynchronous stop can enter, which HotSpot's interpreter oop maps once took
     * for dead code (see pgj's CatchRewriter).
     */
    @PgFunction
    public static void collectInHandler() {
        swallow(true);
    }

    /** Its try range has no instruction that can throw: only an asynchronous stop enters the handler. */
    private static void swallow(boolean collect) {
        RunningJava.announce();
        long n = 0;
        while (true) {
            try {
                while (true) {
                    n++;
                }
            } catch (Throwable t) {
                if (collect) {
                    System.gc();
                }
                swallowed++;
            }
        }
    }

    @PgFunction
    public static long swallowedSoFar() {
        return swallowed;
    }

    /** A loop that yields: its time goes into a native method of the JDK. */
    @PgFunction
    public static void yieldForever() {
        RunningJava.announce();
        while (true) {
            Thread.yield();
        }
    }

    @PgFunction
    public static void sleepForever() throws InterruptedException {
        RunningJava.announce();
        Thread.sleep(Long.MAX_VALUE);
    }

    @PgFunction
    public static void waitForever() throws InterruptedException {
        RunningJava.announce();
        synchronized (LOCK) {
            while (true) {
                LOCK.wait();
            }
        }
    }

    @PgFunction
    public static void parkForever() {
        RunningJava.announce();
        while (true) {
            LockSupport.park();
        }
    }

    /** A blocking read from a socket whose peer never writes. */
    @PgFunction
    public static int readSocketForever() throws IOException {
        RunningJava.announce();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
             Socket peer = server.accept();
             InputStream in = client.getInputStream()) {
            return in.read();
        }
    }

    /** Waits for a child process that outlives any statement; the process goes with it. */
    @PgFunction
    public static int waitForProcess() throws IOException, InterruptedException {
        RunningJava.announce();
        Process process = new ProcessBuilder("sleep", "600").start();
        try {
            return process.waitFor();
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * Catastrophic backtracking inside java.util.regex: {@code (.*a){20}b} against a run of a's
     * (30 a's take about 40 s; java.util.regex spots the classic {@code (a+)+b}).
     */
    @PgFunction
    public static boolean regexBacktrack(int length) {
        RunningJava.announce();
        return Pattern.compile("(.*a){20}b").matcher("a".repeat(length)).matches();
    }

    /** A power far too large to finish soon, computed inside BigInteger. */
    @PgFunction
    public static int bigPower(int exponent) {
        RunningJava.announce();
        return BigInteger.valueOf(7).pow(exponent).bitLength();
    }

    /** Sorting {@code n} random ints inside Arrays.sort. */
    @PgFunction
    public static int sortRandom(int n) {
        int[] values = new int[n];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt();
        }
        // Announced once the values are there: a cancel then lands in the sort, the case measured,
        // not in the allocation and zeroing of the array (a JVM step no thread stop can enter).
        RunningJava.announce();
        Arrays.sort(values);
        return values[n / 2];
    }

    /** A class whose static initializer never ends: the first use runs it. */
    static final class EndlessInit {
        static final long VALUE;

        static {
            long n = 1;
            while (n != 0) {
                n++;
            }
            VALUE = n;
        }

        private EndlessInit() {
        }
    }

    /** A class whose static initializer takes a while, as a library's first use may. */
    static final class SlowInit {
        static final long VALUE;

        static {
            try {
                Thread.sleep(600);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            VALUE = 42;
        }

        private SlowInit() {
        }
    }

    /** Initializes {@link SlowInit}, then runs until cancelled. */
    @PgFunction
    public static long useSlowInitThenLoop() {
        RunningJava.announce();
        long sum = SlowInit.VALUE;
        while (sum != 0) {
            sum++;
        }
        return sum;
    }

    @PgFunction
    public static long slowInitValue() {
        return SlowInit.VALUE;
    }

    @PgFunction
    public static long useEndlessInit() {
        RunningJava.announce();
        return EndlessInit.VALUE;
    }
}
