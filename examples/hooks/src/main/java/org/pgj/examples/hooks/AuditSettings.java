package org.pgj.examples.hooks;

import java.util.ArrayList;
import java.util.List;
import org.pgj.Pg;
import org.pgj.guc.BoolSetting;
import org.pgj.guc.EnumSetting;
import org.pgj.guc.GucSettings;
import org.pgj.guc.Gucs;
import org.pgj.guc.IntSetting;
import org.pgj.guc.RealSetting;
import org.pgj.guc.StringSetting;

/** Settings with check, assign and show hooks, one of each kind. */
@GucSettings("hooks")
public interface AuditSettings {
    enum Detail { TERSE, NORMAL, VERBOSE }

    /** The values the assign hooks were told of in this backend, oldest first. */
    List<String> ASSIGNED = new ArrayList<>();

    @StringSetting(defaultValue = "audit_", description = "Prefix of the tables whose statements are audited.",
            check = "checkPrefix", assign = "prefixAssigned", show = "showPrefix")
    String tablePrefix();

    static void checkPrefix(String prefix) {
        if (prefix.equals("spin_")) {
            while (true) {
                Pg.checkForInterrupts(); // a check that only a cancel stops, for the tests
            }
        }
        if (!prefix.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a table prefix is lower-case letters, digits and _, not \"" + prefix + "\"");
        }
    }

    static void prefixAssigned(String prefix) {
        ASSIGNED.add("table_prefix=" + prefix);
    }

    static String showPrefix(String prefix) {
        return prefix + "*";
    }

    @IntSetting(defaultValue = 1, min = 1, max = 1024, description = "Audit one statement in this many.",
            check = "checkSampleEvery", show = "showSampleEvery")
    int sampleEvery();

    static void checkSampleEvery(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(n + " is not a power of two");
        }
    }

    static String showSampleEvery(int n) {
        return n == 1 ? "every statement" : "one in " + n;
    }

    @RealSetting(defaultValue = 0.5, min = 0, max = 1, description = "Share of slow statements logged.",
            check = "checkShare")
    double slowShare();

    static void checkShare(double share) {
        if (share * 4 != Math.rint(share * 4)) {
            throw new IllegalArgumentException("the share goes in quarters: 0, 0.25, 0.5, 0.75 or 1");
        }
    }

    @BoolSetting(defaultValue = false, description = "Whether audit notices are sent to the client.",
            assign = "noticesAssigned", show = "showNotices")
    boolean notices();

    static void noticesAssigned(boolean on) {
        ASSIGNED.add("notices=" + on);
    }

    static String showNotices(boolean on) {
        throw new IllegalStateException("a show hook that fails");
    }

    /** Makes the ddl_command_start event trigger spin until cancelled, for the tests. */
    @BoolSetting(defaultValue = false, description = "Whether DDL waits in its event trigger until cancelled.")
    boolean holdDdl();

    @EnumSetting(defaultValue = "NORMAL", description = "How much an audit line says.", check = "checkDetail",
            assign = "detailAssigned")
    Detail detail();

    static void checkDetail(Detail detail) {
        if (detail == Detail.VERBOSE && Gucs.of(AuditSettings.class).sampleEvery() > 1) {
            throw new IllegalArgumentException("verbose audit lines need hooks.sample_every = 1");
        }
    }

    static void detailAssigned(Detail detail) {
        ASSIGNED.add("detail=" + detail);
    }
}
