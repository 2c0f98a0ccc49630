package org.pgj.examples.ports.numeral;

/** A token of a numeral's text: its kind, as the original's grammar names it, and its value. */
record Token(String kind, long value) {
    /** What ends every input, named as bison names it in its error messages. */
    static final String END = "end of file";
    /** A character no rule of the lexer reads. */
    static final String ERR = "ERR";
}
