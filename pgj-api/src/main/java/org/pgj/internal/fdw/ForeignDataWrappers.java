package org.pgj.internal.fdw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pgj.fdw.Column;
import org.pgj.fdw.ForeignDataWrapper;
import org.pgj.fdw.ForeignTable;
import org.pgj.fdw.OptionTarget;
import org.pgj.fdw.Qual;
import org.pgj.fdw.Scan;
import org.pgj.fdw.ScanPlan;
import org.pgj.fdw.ScanRequest;
import org.pgj.fdw.SchemaImport;
import org.pgj.fdw.SortKey;
import org.pgj.internal.call.ErrorBridge;
import org.pgj.internal.encoding.ServerEncoding;

/**
 * The Java side of fdw.c: a request (strings in the order fdw.c writes them) goes to the
 * wrapper, and its answer back as strings. Reached through {@code Boot.fdw}, {@code Boot.fdwNext}
 * and {@code Boot.fdwAbandon}; nothing is thrown to C: an error is recorded for fdw.c to raise.
 */
public final class ForeignDataWrappers {
    /** fdw.c's FDW_* requests. */
    private static final int VALIDATE = 1;
    private static final int PLAN = 2;
    private static final int BEGIN = 3;
    private static final int RESCAN = 4;
    private static final int END = 5;
    private static final int ROW_KEY = 6;
    private static final int BEGIN_WRITES = 7;
    private static final int WRITE = 8;
    private static final int END_WRITES = 9;
    private static final int IMPORT_SCHEMA = 10;

    private ForeignDataWrappers() {
    }

    /** Returns the answer, or null with the error recorded. */
    public static byte[] call(int op, long request, int length, int encoding) {
        try {
            ServerEncoding.use(encoding);
            Strings in = new Strings(request, length);
            return switch (op) {
                case VALIDATE -> validate(in);
                case PLAN -> plan(in);
                case BEGIN -> begin(in);
                case RESCAN -> {
                    RunningScans.rescan(in.nextLong());
                    yield new byte[0];
                }
                case END -> {
                    RunningScans.end(in.nextLong());
                    yield new byte[0];
                }
                case ROW_KEY -> new Strings.Answer().put(wrapper(in).rowKey(table(in))).bytes();
                case BEGIN_WRITES -> beginWrites(in);
                case WRITE -> write(in);
                case END_WRITES -> {
                    RunningWrites.end(in.nextLong());
                    yield new byte[0];
                }
                case IMPORT_SCHEMA -> importSchema(in);
                default -> throw new IllegalArgumentException("pgj: unknown foreign data wrapper request " + op);
            };
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return null;
        }
    }

    /** The next row's address, 0 at the end, -1 with the error recorded. */
    public static long next(long scan) {
        try {
            return RunningScans.next(scan);
        } catch (Throwable t) {
            ErrorBridge.record(t);
            return -1;
        }
    }

    public static void abandon(long scan) {
        RunningScans.abandon(scan);
    }

    private static byte[] validate(Strings in) {
        ForeignDataWrapper wrapper = Wrappers.of(in.next(), in.next());
        OptionTarget target = OptionTarget.valueOf(in.next());
        wrapper.validate(target, in.nextOptions());
        return new byte[0];
    }

    /** fdw.c's put_table: the wrapper, then the table. */
    private static ForeignDataWrapper wrapper(Strings in) {
        return Wrappers.of(in.next(), in.next());
    }

    private static ForeignTable table(Strings in) {
        String name = in.next();
        Map<String, String> options = in.nextOptions();
        Map<String, String> server = in.nextOptions();
        Map<String, String> user = in.nextOptions();
        int count = in.nextInt();
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            columns.add(new Column(in.next(), in.next(), in.nextFlag()));
        }
        return new ForeignTable(name, options, server, user, List.copyOf(columns));
    }

    private static byte[] plan(Strings in) {
        ForeignDataWrapper wrapper = wrapper(in);
        ForeignTable table = table(in);
        int qualCount = in.nextInt();
        List<Qual> quals = new ArrayList<>(qualCount);
        for (int i = 0; i < qualCount; i++) {
            String column = in.next();
            String operator = in.next();
            String value = in.next();
            String type = in.next();
            boolean nullTest = operator.startsWith("IS ");
            quals.add(new Qual(i, column, operator, nullTest ? null : value, nullTest ? null : type));
        }
        int keyCount = in.nextInt();
        List<SortKey> order = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            order.add(new SortKey(in.next(), in.nextFlag(), in.nextFlag()));
        }
        ScanRequest request = new ScanRequest(table, List.copyOf(quals), List.copyOf(order), in.nextLong());
        ScanPlan plan = wrapper.plan(request);
        if (plan == null || plan.request() != request) {
            throw new IllegalStateException(wrapper.getClass().getName() + ".plan must return ScanPlan.of(request)");
        }
        Strings.Answer out = new Strings.Answer()
                .put(plan.rows()).put(plan.startupCost()).put(plan.totalCost())
                .put(plan.pushedQuals().size());
        plan.pushedQuals().forEach(q -> out.put(q.index()));
        out.put(plan.orderPushed() ? 1 : 0);
        out.put(plan.state().size());
        plan.state().forEach(out::put);
        List<String> pushed = pushedDown(plan);
        out.put(plan.explainLines().size() + (pushed.isEmpty() ? 0 : 1));
        if (!pushed.isEmpty()) {
            out.put("Pushed Down").put(String.join("; ", pushed));
        }
        plan.explainLines().forEach((label, value) -> out.put(label).put(value));
        return out.bytes();
    }

    /** pgj's own EXPLAIN VERBOSE line: what the wrapper took over. */
    private static List<String> pushedDown(ScanPlan plan) {
        List<String> parts = new ArrayList<>();
        if (!plan.pushedQuals().isEmpty()) {
            parts.add("quals: " + plan.pushedQuals().stream().map(Qual::toString).collect(Collectors.joining(" AND ")));
        }
        if (plan.orderPushed()) {
            parts.add("order: " + plan.request().order().stream().map(SortKey::toString).collect(Collectors.joining(", ")));
        }
        if (plan.limitPushed()) {
            parts.add("limit: " + plan.request().limit());
        }
        return parts;
    }

    /** Wrapper, server, its options, the mapping's, remote and local schema, list kind and tables, options → statements. */
    private static byte[] importSchema(Strings in) throws Exception {
        ForeignDataWrapper wrapper = wrapper(in);
        String server = in.next();
        Map<String, String> serverOptions = in.nextOptions();
        Map<String, String> userOptions = in.nextOptions();
        String remote = in.next();
        String local = in.next();
        String kind = in.next();
        int count = in.nextInt();
        List<String> tables = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tables.add(in.next());
        }
        List<String> statements = wrapper.importSchema(new SchemaImport(server, serverOptions, userOptions, remote, local, kind,
                List.copyOf(tables), in.nextOptions()));
        Strings.Answer out = new Strings.Answer().put(statements.size());
        statements.forEach(out::put);
        return out.bytes();
    }

    /** fdw.c's put_table, the operation and whether it returns rows → the writer's id. */
    private static byte[] beginWrites(Strings in) throws Exception {
        ForeignDataWrapper wrapper = wrapper(in);
        ForeignTable table = table(in);
        String operation = in.next();
        boolean returning = in.nextFlag();
        return new Strings.Answer().put(RunningWrites.open(wrapper.writer(table, operation, returning), table)).bytes();
    }

    /** Writer id, operation, key (with a NULL flag), then name, NULL flag and text per value → a row's address or 0. */
    private static byte[] write(Strings in) throws Exception {
        long id = in.nextLong();
        String operation = in.next();
        boolean keyNull = in.nextFlag();
        String key = in.next();
        int count = in.nextInt();
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.next();
            boolean isNull = in.nextFlag();
            String text = in.next();
            values.put(name, isNull ? null : text);
        }
        return new Strings.Answer().put(RunningWrites.write(id, operation, keyNull ? null : key, values)).bytes();
    }

    private static byte[] begin(Strings in) throws Exception {
        ForeignDataWrapper wrapper = wrapper(in);
        ForeignTable table = table(in);
        int count = in.nextInt();
        List<String> state = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            state.add(in.next());
        }
        return new Strings.Answer().put(RunningScans.open(wrapper, new Scan(table, List.copyOf(state)))).bytes();
    }
}
