package org.pgj.examples.hooks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pgj.errors.PgException;
import org.pgj.errors.SqlState;
import org.pgj.Pg;
import org.pgj.hooks.LogEntry;
import org.pgj.hooks.Operation;
import org.pgj.hooks.PgHooks;
import org.pgj.hooks.Proceed;
import org.pgj.hooks.QueryExecution;
import org.pgj.hooks.QueryHooks;
import org.pgj.hooks.UtilityStatement;

/**
 * Hooks that audit this backend's statements: the utility commands a client sent, and the rows
 * each kind of query processed. Dropping a table named protected_* is refused.
 */
@PgHooks
public class StatementAudit implements QueryHooks {
    static final List<String> COMMANDS = new ArrayList<>();
    static final Map<Operation, Long> ROWS = new EnumMap<>(Operation.class);
    static long starts;

    @Override
    public void processUtility(UtilityStatement statement, Proceed next) {
        if (statement.commandTag().equals("DROP TABLE") && statement.queryString().contains("protected_")) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "tables named protected_* cannot be dropped");
        }
        next.proceed();
        if (statement.isTopLevel()) {
            COMMANDS.add(statement.commandTag());
        }
    }

    @Override
    public void executorStart(QueryExecution query, Proceed next) {
        if (query.sourceText().contains("/* refuse */")) {
            throw new PgException(SqlState.INSUFFICIENT_PRIVILEGE, "this query is refused by a hook");
        }
        starts++;
        next.proceed();
    }

    @Override
    public void executorRun(QueryExecution query, Proceed next) {
        long before = query.processedRows();
        next.proceed();
        ROWS.merge(query.operation(), query.processedRows() - before, Long::sum);
    }

    /** Keeps secrets out of the log, marks audited warnings, and echoes some entries (which come back unhooked). */
    @Override
    public void emitLog(LogEntry entry) {
        if (entry.message().contains("pgj-secret")) {
            entry.suppress();
        } else if (entry.message().startsWith("audit-me")) {
            entry.setMessage("[audited " + entry.sqlState() + "] " + entry.message());
        } else if (entry.message().startsWith("echo-me")) {
            Pg.warning("echo of: " + entry.message());
        }
    }
}
