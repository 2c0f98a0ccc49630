package org.pgj.examples.types;

/** A Java enum used by a function is a SQL enum type: {@code CREATE TYPE mood AS ENUM ('HAPPY', 'OK', 'SAD')}. */
public enum Mood {
    HAPPY, OK, SAD
}
