package org.pgj.examples.exiting;

/** A library written for command-line programs: on a fatal condition it ends the process. */
public final class Quitter {
    private Quitter() {
    }

    public static void giveUp(int status) {
        System.err.println("Quitter: giving up");
        System.exit(status);
    }
}
