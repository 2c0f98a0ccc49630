package org.pgj.types;

/** A {@code regclass}: the OID of a relation (its text form, the relation's name, is SQL's {@code ::text}). */
public record RegClass(Oid oid) {
}
