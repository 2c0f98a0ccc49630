package org.pgj.internal.shmem;

/** An area of shared memory as the runtime manifest declares it (org.pgj.shmem's areas). */
public interface SharedDeclaration {
    /** The manifest line shmem.c reads: {@code shared <ext> <name> <kind> <bytes>}. */
    String manifestLine(String extension);
}
