package org.pgj.fdw;

import java.util.List;

/** A scan being executed: its table and the state its {@link ScanPlan} kept. */
public record Scan(ForeignTable table, List<String> state) {
}
