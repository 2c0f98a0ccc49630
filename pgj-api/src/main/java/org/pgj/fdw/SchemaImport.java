package org.pgj.fdw;

import java.util.List;
import java.util.Map;

/**
 * An {@code IMPORT FOREIGN SCHEMA remoteSchema [LIMIT TO | EXCEPT (tables)] FROM SERVER server
 * INTO localSchema OPTIONS (...)}: the server's options, the current user's mapping's, and the
 * statement's. {@code listKind} is {@code ALL}, {@code LIMIT TO} or {@code EXCEPT}; the server
 * applies that list to the tables imported, so a wrapper may describe them all.
 */
public record SchemaImport(
        String server,
        Map<String, String> serverOptions,
        Map<String, String> userOptions,
        String remoteSchema,
        String localSchema,
        String listKind,
        List<String> tables,
        Map<String, String> options) {
}
