package org.pgj.indexes;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code FUNCTION number function(argument types)}: a support function that exists in SQL already. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface IndexFunction {
    /** The support function number: for GIN 1 compares keys; for btree 1 compares values; for hash 1 hashes. */
    int number();

    /** The function with its argument types, as SQL writes it: {@code "bttextcmp(text, text)"}. */
    String function();
}
