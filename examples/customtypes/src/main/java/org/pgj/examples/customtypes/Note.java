package org.pgj.examples.customtypes;

import java.util.List;
import org.pgj.types.PgType;

/** A type without operators, in JSON; a long body is TOASTed like any large value. */
@PgType
public record Note(String title, List<String> lines) {
}
