package org.pgj.types;

/**
 * A value of SQL type {@code internal}: an opaque word the server passes between functions (an
 * aggregate's state, say) without looking inside. Java cannot read what it points at; it only
 * keeps and returns it.
 */
public record Internal(long handle) {
}
