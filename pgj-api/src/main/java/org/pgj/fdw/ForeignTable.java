package org.pgj.fdw;

import java.util.List;
import java.util.Map;

/**
 * A foreign table as a scan sees it: its qualified name, its own options, its server's and the
 * current user's mapping's (empty without a mapping), and its columns.
 */
public record ForeignTable(
        String name,
        Map<String, String> options,
        Map<String, String> serverOptions,
        Map<String, String> userOptions,
        List<Column> columns) {

    /** The columns the query reads, in table order: a row gives their values in this order. */
    public List<Column> neededColumns() {
        return columns.stream().filter(Column::needed).toList();
    }
}
