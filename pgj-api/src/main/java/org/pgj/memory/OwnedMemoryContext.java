package org.pgj.memory;

import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.internal.memory.MemoryNative;
import org.pgj.internal.nativecall.Native;

/** A memory context Java made ({@link MemoryContext#newChild}) and deletes, with everything in it. */
public final class OwnedMemoryContext extends MemoryContext implements AutoCloseable {
    OwnedMemoryContext(long address, String describedAs) {
        super(address, describedAs, true);
    }

    /**
     * Deletes the context and its children; a no-op if it is already gone (its parent was reset or
     * deleted). Refused while the context, or one below it, is current: code running in it would
     * go on allocating in freed memory.
     */
    @Override
    public void close() {
        if (!isValid()) {
            return;
        }
        if (MemoryNative.isWithin(Native.readLong(MemoryNative.CURRENT_MEMORY_CONTEXT), address)) {
            throw new PgException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "cannot delete " + this + " while it is current", null,
                    "Close it after the code that runs in it has returned.");
        }
        MemoryNative.memoryContextDelete(address);
    }
}
