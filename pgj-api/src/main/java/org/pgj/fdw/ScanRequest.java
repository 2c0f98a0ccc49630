package org.pgj.fdw;

import java.util.List;

/**
 * What the planner asks of a scan: the table, the quals a wrapper may apply itself, the order
 * the query wants (empty when it wants none, or when the table is not all the query reads) and
 * the query's LIMIT ({@code -1}: none, or not applicable). The LIMIT holds only for a scan that
 * applies every qual and the wanted order itself; {@link ScanPlan#pushLimit} checks that.
 */
public record ScanRequest(ForeignTable table, List<Qual> quals, List<SortKey> order, long limit) {
}
