package org.pgj.fdw;

/**
 * A column of a foreign table: its name, its SQL type ({@code integer}, {@code character varying(20)})
 * and whether the query reads it (a scan gives values for those only).
 */
public record Column(String name, String type, boolean needed) {
}
