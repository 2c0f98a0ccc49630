package org.pgj.bench;

/**
 * How many runs and samples; {@code --quick} only checks that everything works.
 *
 * @param warmups          untimed rounds before the timed ones (Java's JIT needs them)
 * @param timed            timed rounds of each comparison
 * @param firstCallSessions new sessions per first-call row
 * @param memoryBackends   backends whose private memory is read, per row
 * @param interruptSamples cancels per interrupt case
 * @param stormConnections connections opened at once in a storm
 * @param pgbenchSeconds   length of one pgbench run
 * @param pgbenchRounds    pgbench runs per row, alternating between the rows
 * @param parallelRows     rows of the parallel section's table
 */
record Counts(int warmups, int timed, int firstCallSessions, int memoryBackends, int interruptSamples,
              int stormConnections, int pgbenchSeconds, int pgbenchRounds, long parallelRows) {
    static final Counts FULL = new Counts(3, 5, 15, 10, 20, 64, 20, 3, 10_000_000);
    static final Counts QUICK = new Counts(1, 3, 5, 3, 3, 16, 6, 1, 1_000_000);
}
