/**
 * pg_similarity 1.0, ported from C: similarity measures between strings as functions and
 * operators, with settings. The control file's fields are the original's.
 */
@PgExtension(comment = "support similarity queries", relocatable = true)
package org.pgj.examples.similarity;

import org.pgj.functions.PgExtension;
