package org.pgj.indexes;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** {@code OPERATOR strategy operator}: an operator an index of the class answers. */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface IndexOperator {
    /** The strategy number, which the support functions receive with a query. */
    int strategy();

    /**
     * The operator: a symbol ({@code "@@@"}) on the class's type and query type, or with its
     * argument types as {@code CREATE OPERATOR CLASS} writes them ({@code "&&(text, text[])"}).
     */
    String operator();

    /**
     * {@code FOR ORDER BY family}: an ordering operator ({@code <->}) a GiST index answers with its
     * {@link GistSupport.Role#DISTANCE} function, sorted by the btree operator family named here
     * ({@code "float_ops"}); empty for a search operator.
     */
    String orderBy() default "";
}
