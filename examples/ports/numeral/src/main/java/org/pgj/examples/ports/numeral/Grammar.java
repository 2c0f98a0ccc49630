package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A context-free grammar over tokens whose rules compute a {@code long}, written as the original's
 * bison grammars are (one {@link #rule} per alternative, with {@code %empty} alternatives), and the
 * parser bison makes of it: LALR(1) tables built at the first parse, read by a loop with a stack
 * of states and values, reducing by a state's default rule (the one with the most lookaheads)
 * without looking at the token, as bison does. So the same input fails at the same token with the
 * same "expecting" list as the original's. A rule's action that overflows a {@code long} makes
 * the input out of range rather than malformed.
 */
final class Grammar {
    /** The value of one alternative from the values of its symbols, in order. */
    @FunctionalInterface
    interface Action {
        long apply(long[] values);
    }

    private record Rule(String symbol, String[] symbols, Action action) {
    }

    /** bison's default {@code YYMAXDEPTH}: the most states its parser's stack holds. */
    private static final int BISON_MAX_DEPTH = 10_000;

    private final String start;
    private final List<Rule> rules = new ArrayList<>();
    /** Terminals in declaration order ({@link Token#END} first): token numbers, which order the expected tokens of an error, as bison's do. */
    private final List<String> terminals;
    private volatile LalrTables tables;

    Grammar(String start, String... terminals) {
        this.start = start;
        List<String> all = new ArrayList<>(List.of(Token.END));
        all.addAll(List.of(terminals));
        this.terminals = List.copyOf(all);
    }

    /** Adds the alternative {@code symbol: symbols... { action }}; no symbols is {@code %empty}. */
    Grammar rule(String symbol, Action action, String... symbols) {
        rules.add(new Rule(symbol, symbols, action));
        return this;
    }

    /** An alternative whose value is that of its only symbol ({@code $$ = $1}). */
    Grammar rule(String symbol, String only) {
        return rule(symbol, v -> v[0], only);
    }

    /** The number of a terminal, for the lexer; -1 if the grammar has no such terminal. */
    int terminal(String kind) {
        return terminals.indexOf(kind);
    }

    private LalrTables tables() {
        LalrTables t = tables;
        if (t == null) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            terminals.forEach(s -> numbers.put(s, numbers.size()));
            rules.forEach(r -> numbers.putIfAbsent(r.symbol(), numbers.size()));
            int[] lhs = new int[rules.size()];
            int[][] rhs = new int[rules.size()][];
            for (int r = 0; r < rules.size(); r++) {
                lhs[r] = numbers.get(rules.get(r).symbol());
                rhs[r] = Arrays.stream(rules.get(r).symbols()).mapToInt(n -> {
                    Integer number = numbers.get(n);
                    if (number == null) {
                        throw new IllegalStateException("symbol " + n + " is neither a terminal nor has a rule");
                    }
                    return number;
                }).toArray();
            }
            t = tables = LalrTables.of(terminals.size(), numbers.size(), lhs, rhs, numbers.get(start));
        }
        return t;
    }

    /**
     * The value of {@code text} as the start symbol.
     *
     * @throws IllegalArgumentException naming the unexpected token, as bison's verbose errors do
     * @throws ArithmeticException when an action overflows, or an integer is beyond bigint
     */
    long parse(Lexer lexer, String text) {
        LalrTables t = tables();
        Lexer.Tokens tokens = lexer.tokens(text, this);
        int[] states = new int[16];
        long[] values = new long[16];
        long[] arguments = new long[t.longestRule()];
        int top = 0; // states[top] is the current state
        int next = 0;
        while (true) {
            int state = states[top];
            // Past END only a start rule is left to reduce: the end of input repeats, as it does for bison.
            int kind = next < tokens.size ? tokens.kinds[next] : 0;
            int action = t.action(state, kind);
            if (action == LalrTables.ERROR) {
                throw new IllegalArgumentException(syntaxError(t, state, kind));
            }
            if (LalrTables.isShift(action)) {
                if (++top == states.length) {
                    states = grown(states, top);
                    values = Arrays.copyOf(values, states.length);
                }
                states[top] = LalrTables.target(action);
                values[top] = tokens.values[next++];
                continue;
            }
            int rule = LalrTables.rule(action);
            int length = t.length(rule);
            System.arraycopy(values, top - length + 1, arguments, 0, length);
            long value = rules.get(rule).action().apply(arguments);
            top -= length;
            if (t.isStart(rule)) {
                return value; // every rule of the start symbol ends in END: nothing is left to read
            }
            if (++top == states.length) {
                states = grown(states, top);
                values = Arrays.copyOf(values, states.length);
            }
            states[top] = t.goTo(states[top - 1], t.lhs(rule));
            values[top] = value;
        }
    }

    /**
     * The stack of states with room for more, up to bison's {@code YYMAXDEPTH}: the original's
     * parser refuses input that would hold that many states at once ("memory exhausted", which it
     * reports as a syntax error), and so does the port, rather than read what the original cannot.
     */
    private static int[] grown(int[] states, int size) {
        if (size >= BISON_MAX_DEPTH - 1) { // pushing the state that fills it is the error, as in bison's yysetstate
            throw new IllegalArgumentException("memory exhausted");
        }
        return Arrays.copyOf(states, Math.min(size * 2, BISON_MAX_DEPTH - 1));
    }

    /** bison's verbose message: the token, and the tokens this state has an action of its own for (not its default), if at most four. */
    private String syntaxError(LalrTables t, int state, int token) {
        List<String> wanted = new ArrayList<>();
        for (int terminal = 0; terminal < terminals.size(); terminal++) {
            if (t.explicitAction(state, terminal) != LalrTables.ERROR) {
                wanted.add(terminals.get(terminal));
            }
        }
        String message = "syntax error, unexpected " + terminals.get(token);
        return wanted.isEmpty() || wanted.size() > 4 ? message : message + ", expecting " + String.join(" or ", wanted);
    }
}
