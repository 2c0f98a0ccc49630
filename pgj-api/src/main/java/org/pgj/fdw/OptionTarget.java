package org.pgj.fdw;

/** What options belong to, as the validator is told. */
public enum OptionTarget {
    WRAPPER, SERVER, USER_MAPPING, TABLE, COLUMN
}
