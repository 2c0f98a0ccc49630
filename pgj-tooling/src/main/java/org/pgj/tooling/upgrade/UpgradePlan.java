package org.pgj.tooling.upgrade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides, from what two versions' install scripts did ({@link SchemaProbe}), the statements
 * that take a database from the old version to the new one, and what it cannot decide.
 *
 * <ul>
 * <li>a statement both scripts have (same text up to comments and blanks) already ran: skipped;
 * <li>a statement that creates only new objects: copied;
 * <li>a statement that rewrites an object whose definition did not change: skipped;
 * <li>a function whose definition changed: {@code CREATE OR REPLACE}, which keeps its privileges
 *     and dependents, if its result and arguments stayed the same; a language whose handler or
 *     validator changed: {@code CREATE OR REPLACE} too;
 * <li>an object the new version no longer has: dropped ({@code DROP FUNCTION ...}), unless that
 *     loses data (tables, sequences, materialized views);
 * <li>everything else (a changed result type, a changed table, a statement that only changes
 *     data of existing objects) is not guessed: it is reported, and nothing is written.
 * </ul>
 */
final class UpgradePlan {
    /** A part of the upgrade script: why, and the SQL. */
    record Part(String reason, String sql) {
    }

    private static final Map<String, String> DROPPABLE = Map.ofEntries(
            Map.entry("function", "FUNCTION"), Map.entry("procedure", "PROCEDURE"), Map.entry("aggregate", "AGGREGATE"),
            Map.entry("view", "VIEW"), Map.entry("type", "TYPE"), Map.entry("domain", "DOMAIN"), Map.entry("index", "INDEX"),
            Map.entry("schema", "SCHEMA"), Map.entry("language", "LANGUAGE"), Map.entry("operator", "OPERATOR"),
            Map.entry("cast", "CAST"), Map.entry("trigger", "TRIGGER"), Map.entry("event trigger", "EVENT TRIGGER"),
            Map.entry("policy", "POLICY"), Map.entry("rule", "RULE"), Map.entry("collation", "COLLATION"),
            Map.entry("conversion", "CONVERSION"), Map.entry("text search configuration", "TEXT SEARCH CONFIGURATION"),
            Map.entry("text search dictionary", "TEXT SEARCH DICTIONARY"),
            // pg_identify_object names both as "schema.name USING am", as their DROP wants them
            Map.entry("operator class", "OPERATOR CLASS"), Map.entry("operator family", "OPERATOR FAMILY"));
    private static final Set<String> HOLDS_DATA = Set.of("table", "sequence", "materialized view", "foreign table");
    private static final Pattern CREATE_FUNCTION = Pattern.compile("(?is)^((?:\\s*--[^\\n]*\\n|\\s*)*)CREATE\\s+(FUNCTION|PROCEDURE)\\b");
    private static final Pattern CREATE_LANGUAGE = Pattern.compile("(?is)^((?:\\s*--[^\\n]*\\n|\\s*)*)CREATE\\s+(LANGUAGE)\\b");

    final List<Part> parts = new ArrayList<>();
    final List<String> undecided = new ArrayList<>();

    private UpgradePlan() {
    }

    static UpgradePlan decide(List<SqlStatements.Statement> oldStatements, List<ProbedObject> oldObjects,
                              List<SqlStatements.Statement> newStatements, List<ProbedObject> newObjects) {
        UpgradePlan plan = new UpgradePlan();
        Map<String, ProbedObject> before = byKey(oldObjects);
        Map<String, ProbedObject> after = byKey(newObjects);
        Set<String> oldTexts = new LinkedHashSet<>();
        oldStatements.forEach(s -> oldTexts.add(s.normalized()));
        List<String> addedNames = after.keySet().stream().filter(k -> !before.containsKey(k))
                .map(k -> bareName(after.get(k).identity())).toList();

        for (int i = 0; i < newStatements.size(); i++) {
            SqlStatements.Statement statement = newStatements.get(i);
            if (oldTexts.contains(statement.normalized())) {
                continue;
            }
            int index = i;
            List<ProbedObject> touched = newObjects.stream().filter(o -> o.statement() == index).toList();
            Set<String> keys = new LinkedHashSet<>();
            touched.forEach(o -> keys.add(o.key()));
            List<String> added = keys.stream().filter(k -> !before.containsKey(k)).toList();
            List<String> existing = keys.stream().filter(before::containsKey).toList();
            List<String> changed = existing.stream().filter(k -> !same(before.get(k), after.get(k))).toList();
            boolean creates = touched.stream().anyMatch(ProbedObject::created);

            if (keys.isEmpty()) {
                if (addedNames.stream().anyMatch(name -> mentions(statement.normalized(), name))) {
                    plan.parts.add(new Part("for objects new in this version", statement.text()));
                } else {
                    plan.undecided.add("a statement only the new version has, which creates or changes no schema object "
                            + "(data, privileges?): `" + statement.summary() + "`; decide whether databases that have the "
                            + "old version need it");
                }
            } else if (existing.isEmpty()) {
                plan.parts.add(new Part("added: " + String.join(", ", added), statement.text()));
            } else if (changed.isEmpty() && added.isEmpty()) {
                continue; // the same objects, written differently, or an ALTER the old version also ends with
            } else if (!creates && added.isEmpty()) {
                plan.parts.add(new Part("changed: " + String.join(", ", changed), statement.text()));
            } else if (changed.size() == 1 && added.isEmpty() && after.get(changed.get(0)).type().equals("language")
                    && CREATE_LANGUAGE.matcher(statement.text()).find()) {
                // A new handler or validator, as pgj languages got theirs: the language's functions stay.
                plan.parts.add(new Part("changed: " + changed.get(0) + " (CREATE OR REPLACE keeps its functions)",
                        CREATE_LANGUAGE.matcher(statement.text()).replaceFirst("$1CREATE OR REPLACE $2")));
            } else if (changed.size() == 1 && added.isEmpty() && isFunction(after.get(changed.get(0)))) {
                ProbedObject was = before.get(changed.get(0));
                ProbedObject now = after.get(changed.get(0));
                if (was.shape() != null && was.shape().equals(now.shape()) && CREATE_FUNCTION.matcher(statement.text()).find()) {
                    plan.parts.add(new Part("changed: " + now.key() + " (CREATE OR REPLACE keeps its privileges and dependents)",
                            CREATE_FUNCTION.matcher(statement.text()).replaceFirst("$1CREATE OR REPLACE $2")));
                } else {
                    plan.undecided.add(now.key() + " changed from `" + was.shape() + "` to `" + now.shape()
                            + "`: CREATE OR REPLACE cannot change a function's result or arguments, and DROP FUNCTION with "
                            + "CREATE FUNCTION would drop what depends on it and its privileges");
                }
            } else {
                for (String key : changed) {
                    plan.undecided.add(key + " changed: `" + before.get(key).fingerprint() + "` became `"
                            + after.get(key).fingerprint() + "`" + (HOLDS_DATA.contains(after.get(key).type())
                            ? "; it holds data, so the change needs an ALTER written for it" : ""));
                }
                if (changed.isEmpty()) {
                    plan.undecided.add("`" + statement.summary() + "` creates " + String.join(", ", added)
                            + " and redefines " + String.join(", ", existing) + ": split it so each statement creates new objects only");
                }
            }
        }

        List<ProbedObject> removed = new ArrayList<>(before.values().stream().filter(o -> !after.containsKey(o.key())).toList());
        java.util.Collections.reverse(removed);
        // A removed table takes its indexes, sequences and row type with it: report the table only.
        Map<Integer, ProbedObject> removedTables = new LinkedHashMap<>();
        for (ProbedObject o : removed) {
            if (HOLDS_DATA.contains(o.type()) && !o.type().equals("sequence")) {
                removedTables.putIfAbsent(o.statement(), o);
            }
        }
        for (ProbedObject o : removed) {
            ProbedObject table = removedTables.get(o.statement());
            String keyword = DROPPABLE.get(o.type());
            if (table != null && table != o) {
                continue;
            } else if (HOLDS_DATA.contains(o.type())) {
                plan.undecided.add(o.key() + " is gone in the new version: dropping it loses its data; "
                        + "if that is intended, write DROP " + o.type().toUpperCase(Locale.ROOT) + " " + o.identity() + " by hand");
            } else if (keyword == null) {
                plan.undecided.add(o.key() + " is gone in the new version, and pgj does not know how to drop a " + o.type());
            } else {
                plan.parts.add(new Part("removed: " + o.key(), "DROP " + keyword + " " + o.identity()));
            }
        }
        return plan;
    }

    private static boolean isFunction(ProbedObject o) {
        return o.type().equals("function") || o.type().equals("procedure");
    }

    /** Same definition; an object pgj cannot describe is never assumed unchanged. */
    private static boolean same(ProbedObject a, ProbedObject b) {
        return a.fingerprint() != null && a.fingerprint().equals(b.fingerprint())
                && java.util.Objects.equals(a.shape(), b.shape());
    }

    /** Each object once, as its first record (its creation), with the definition it ends with. */
    private static Map<String, ProbedObject> byKey(List<ProbedObject> objects) {
        Map<String, ProbedObject> map = new LinkedHashMap<>();
        for (ProbedObject o : objects) {
            map.putIfAbsent(o.key(), o);
        }
        return map;
    }

    /** {@code public.t_ticks} → {@code t_ticks}; {@code public.f(integer)} → {@code f}. */
    private static String bareName(String identity) {
        String name = identity.replaceFirst("\\(.*$", "");
        name = name.substring(name.lastIndexOf('.') + 1);
        return name.replace("\"", "");
    }

    private static boolean mentions(String sql, String name) {
        return !name.isEmpty() && Pattern.compile("(?i)(?<![A-Za-z0-9_])\"?" + Pattern.quote(name) + "\"?(?![A-Za-z0-9_])")
                .matcher(sql).find();
    }
}
