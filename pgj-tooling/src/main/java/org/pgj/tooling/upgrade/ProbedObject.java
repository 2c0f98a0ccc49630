package org.pgj.tooling.upgrade;

/**
 * A schema object a statement of a script created or changed, as an event trigger saw it, with
 * its definition after the whole script ran.
 *
 * @param statement   index of the statement in the script
 * @param commandTag  {@code CREATE FUNCTION}, {@code ALTER TABLE}, ...
 * @param type        pg_identify_object's type: {@code function}, {@code table}, {@code schema}, ...
 * @param identity    pg_identify_object's identity, e.g. {@code public.add_one(integer)}
 * @param fingerprint the object's definition as the catalogs describe it (null: a kind pgj cannot describe)
 * @param shape       for functions, what CREATE OR REPLACE cannot change: kind, result and arguments
 */
record ProbedObject(int statement, String commandTag, String type, String identity, String fingerprint, String shape) {
    /** {@code function public.add_one(integer)}: how objects are matched between two versions. */
    String key() {
        return type + " " + identity;
    }

    boolean created() {
        return commandTag.startsWith("CREATE");
    }
}
