package org.pgj.bench;

/**
 * The JVM options a new session sets before its first call: pgj's own (the default, {@code options}
 * null) or one of {@code --jvm-options}, measured side by side with the default.
 */
record JvmVariant(String options) {
    static final JvmVariant DEFAULT = new JvmVariant(null);

    boolean isDefault() {
        return options == null;
    }

    /** The statement that sets them in a new session, or null for the default. */
    String setup() {
        return isDefault() ? null : "SET pgj.jvm_options = '" + options.replace("'", "''") + "'";
    }

    /** What a row's name gets: nothing for the default. */
    String suffix() {
        return isDefault() ? "" : ", pgj.jvm_options = '" + options + "'";
    }
}
