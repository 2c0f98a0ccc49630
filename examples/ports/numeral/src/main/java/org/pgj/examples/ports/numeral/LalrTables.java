package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LALR(1) parse tables of a grammar, built as bison builds them: the LR(0) states, lookaheads
 * spread along the states' transitions (the dragon book's propagation), and in each state with a
 * reduction a default one, the rule with the most lookaheads (the earlier on a tie), whose tokens
 * are then left out of the state's own actions. A grammar that is not LALR(1) is refused: the
 * original's bison reports no conflict for its three grammars, so none is resolved here.
 * Symbols are numbered terminals first; an item is a rule and a position in it.
 */
final class LalrTables {
    static final int ERROR = 0;
    private static final long PROPAGATED = 1L << 63;

    private final int[] lhs;
    private final int[] lengths;
    private final boolean[] startRules;
    /** By state and terminal: {@link #ERROR}, a shift (target + 1) or a reduction (-(rule + 1)); default reductions left out. */
    private final int[][] explicit;
    private final int[] defaultRule;
    /** By state and symbol: the next state, or -1. */
    private final int[][] transitions;
    private final int longestRule;

    private LalrTables(int[] lhs, int[] lengths, boolean[] startRules, int[][] explicit, int[] defaultRule,
            int[][] transitions) {
        this.lhs = lhs;
        this.lengths = lengths;
        this.startRules = startRules;
        this.explicit = explicit;
        this.defaultRule = defaultRule;
        this.transitions = transitions;
        this.longestRule = Math.max(1, Arrays.stream(lengths).max().orElse(1));
    }

    static boolean isShift(int action) {
        return action > 0;
    }

    static int target(int action) {
        return action - 1;
    }

    static int rule(int action) {
        return -action - 1;
    }

    /** What {@code state} does with {@code terminal} next: its own action, else its default reduction. */
    int action(int state, int terminal) {
        int action = explicit[state][terminal];
        return action != ERROR || defaultRule[state] < 0 ? action : -defaultRule[state] - 1;
    }

    /** The state's action for {@code terminal} other than its default: what bison lists as expected. */
    int explicitAction(int state, int terminal) {
        return explicit[state][terminal];
    }

    int goTo(int state, int symbol) {
        return transitions[state][symbol];
    }

    int lhs(int rule) {
        return lhs[rule];
    }

    int length(int rule) {
        return lengths[rule];
    }

    boolean isStart(int rule) {
        return startRules[rule];
    }

    int longestRule() {
        return longestRule;
    }

    static LalrTables of(int terminalCount, int symbolCount, int[] lhs, int[][] rhs, int start) {
        return new Builder(terminalCount, symbolCount, lhs, rhs, start).build();
    }

    private static final class Builder {
        private final int terminalCount;
        private final int symbolCount;
        private final int[] lhs;
        private final int[][] rhs;
        private final int start;
        private final List<List<Integer>> rulesBySymbol = new ArrayList<>();
        private final boolean[] nullable;
        /** By symbol: the terminals it can start with, one bit each. */
        private final long[] first;
        private final List<int[]> kernels = new ArrayList<>();
        private final Map<List<Integer>, Integer> stateByKernel = new HashMap<>();
        private final List<int[]> transitions = new ArrayList<>();

        Builder(int terminalCount, int symbolCount, int[] lhs, int[][] rhs, int start) {
            if (terminalCount > 63) {
                throw new IllegalStateException("at most 63 terminals: lookaheads are bits of a long");
            }
            this.terminalCount = terminalCount;
            this.symbolCount = symbolCount;
            this.lhs = lhs;
            this.rhs = rhs;
            this.start = start;
            for (int s = 0; s < symbolCount; s++) {
                rulesBySymbol.add(new ArrayList<>());
            }
            for (int r = 0; r < lhs.length; r++) {
                rulesBySymbol.get(lhs[r]).add(r);
            }
            nullable = new boolean[symbolCount];
            first = new long[symbolCount];
            for (int t = 0; t < terminalCount; t++) {
                first[t] = 1L << t;
            }
            for (boolean changed = true; changed;) {
                changed = false;
                for (int r = 0; r < lhs.length; r++) {
                    long f = first(rhs[r], 0);
                    boolean n = nullable(rhs[r], 0);
                    if ((first[lhs[r]] | f) != first[lhs[r]] || n && !nullable[lhs[r]]) {
                        first[lhs[r]] |= f;
                        nullable[lhs[r]] |= n;
                        changed = true;
                    }
                }
            }
        }

        private long first(int[] symbols, int from) {
            long f = 0;
            for (int i = from; i < symbols.length; i++) {
                f |= first[symbols[i]];
                if (!nullable[symbols[i]]) {
                    break;
                }
            }
            return f;
        }

        private boolean nullable(int[] symbols, int from) {
            for (int i = from; i < symbols.length; i++) {
                if (!nullable[symbols[i]]) {
                    return false;
                }
            }
            return true;
        }

        private static int item(int rule, int dot) {
            return rule << 8 | dot;
        }

        private static int ruleOf(int item) {
            return item >>> 8;
        }

        private static int dotOf(int item) {
            return item & 0xff;
        }

        /** The items of a state with their lookaheads, from its kernel's: closed over the rules of the symbol after each dot. */
        private Map<Integer, Long> closure(Map<Integer, Long> kernel) {
            Map<Integer, Long> items = new LinkedHashMap<>(kernel);
            for (boolean changed = true; changed;) {
                changed = false;
                for (Map.Entry<Integer, Long> e : List.copyOf(items.entrySet())) {
                    int rule = ruleOf(e.getKey());
                    int dot = dotOf(e.getKey());
                    if (dot == rhs[rule].length || rhs[rule][dot] < terminalCount) {
                        continue;
                    }
                    long follow = first(rhs[rule], dot + 1) | (nullable(rhs[rule], dot + 1) ? e.getValue() : 0);
                    for (int r : rulesBySymbol.get(rhs[rule][dot])) {
                        Long known = items.get(item(r, 0));
                        if (known == null || (known | follow) != known) {
                            items.put(item(r, 0), known == null ? follow : known | follow);
                            changed = true;
                        }
                    }
                }
            }
            return items;
        }

        private int state(int[] kernel) {
            List<Integer> key = Arrays.stream(kernel).boxed().toList();
            Integer known = stateByKernel.get(key);
            if (known != null) {
                return known;
            }
            stateByKernel.put(key, kernels.size());
            kernels.add(kernel);
            transitions.add(null);
            return kernels.size() - 1;
        }

        LalrTables build() {
            state(rulesBySymbol.get(start).stream().mapToInt(r -> item(r, 0)).toArray());
            for (int s = 0; s < kernels.size(); s++) { // the LR(0) states, found breadth first
                Map<Integer, Long> items = closure(kernelWith(kernels.get(s), 0L));
                int[] next = new int[symbolCount];
                Arrays.fill(next, -1);
                for (int symbol = 0; symbol < symbolCount; symbol++) {
                    List<Integer> advanced = new ArrayList<>();
                    for (int item : items.keySet()) {
                        int rule = ruleOf(item);
                        if (dotOf(item) < rhs[rule].length && rhs[rule][dotOf(item)] == symbol) {
                            advanced.add(item + 1);
                        }
                    }
                    if (!advanced.isEmpty()) {
                        next[symbol] = state(advanced.stream().mapToInt(Integer::intValue).sorted().toArray());
                    }
                }
                transitions.set(s, next);
            }
            List<Map<Integer, Long>> lookaheads = new ArrayList<>();
            kernels.forEach(k -> lookaheads.add(kernelWith(k, 0L)));
            // Terminal 0 (END) follows the start symbol: the end of input repeats, as bison's does, and two start rules ending alike conflict on it.
            lookaheads.get(0).replaceAll((item, none) -> 1L);
            // Each kernel item's closure with a marker lookahead: what its moves get whatever follows, and what they inherit from it.
            Map<Long, List<Long>> propagatesTo = new HashMap<>();
            for (int s = 0; s < kernels.size(); s++) {
                for (int k : kernels.get(s)) {
                    for (Map.Entry<Integer, Long> e : closure(Map.of(k, PROPAGATED)).entrySet()) {
                        int rule = ruleOf(e.getKey());
                        int dot = dotOf(e.getKey());
                        if (dot == rhs[rule].length) {
                            continue;
                        }
                        int target = transitions.get(s)[rhs[rule][dot]];
                        lookaheads.get(target).merge(e.getKey() + 1, e.getValue() & ~PROPAGATED, (a, b) -> a | b);
                        if ((e.getValue() & PROPAGATED) != 0) {
                            propagatesTo.computeIfAbsent(key(s, k), x -> new ArrayList<>()).add(key(target, e.getKey() + 1));
                        }
                    }
                }
            }
            for (boolean changed = true; changed;) {
                changed = false;
                for (Map.Entry<Long, List<Long>> e : propagatesTo.entrySet()) {
                    long from = lookaheads.get(stateOf(e.getKey())).get(itemOf(e.getKey()));
                    for (long to : e.getValue()) {
                        Map<Integer, Long> target = lookaheads.get(stateOf(to));
                        long known = target.get(itemOf(to));
                        if ((known | from) != known) {
                            target.put(itemOf(to), known | from);
                            changed = true;
                        }
                    }
                }
            }
            return tables(lookaheads);
        }

        private LalrTables tables(List<Map<Integer, Long>> lookaheads) {
            int states = kernels.size();
            int[][] explicit = new int[states][terminalCount];
            int[] defaultRule = new int[states];
            int[][] next = transitions.toArray(int[][]::new);
            for (int s = 0; s < states; s++) {
                for (int t = 0; t < terminalCount; t++) {
                    explicit[s][t] = next[s][t] >= 0 ? next[s][t] + 1 : ERROR;
                }
                defaultRule[s] = -1;
                int mostLookaheads = -1;
                for (Map.Entry<Integer, Long> e : closure(lookaheads.get(s)).entrySet()) {
                    int rule = ruleOf(e.getKey());
                    if (dotOf(e.getKey()) != rhs[rule].length) {
                        continue;
                    }
                    for (int t = 0; t < terminalCount; t++) {
                        if ((e.getValue() & 1L << t) != 0) {
                            if (explicit[s][t] != ERROR) {
                                throw new IllegalStateException("the grammar is not LALR(1): state " + s + " has a conflict on terminal " + t);
                            }
                            explicit[s][t] = -rule - 1;
                        }
                    }
                    int count = Long.bitCount(e.getValue());
                    if (count > mostLookaheads || count == mostLookaheads && rule < defaultRule[s]) {
                        mostLookaheads = count;
                        defaultRule[s] = rule;
                    }
                }
                for (int t = 0; t < terminalCount; t++) {
                    if (defaultRule[s] >= 0 && explicit[s][t] == -defaultRule[s] - 1) {
                        explicit[s][t] = ERROR;
                    }
                }
            }
            int[] lengths = Arrays.stream(rhs).mapToInt(r -> r.length).toArray();
            boolean[] startRules = new boolean[lhs.length];
            for (int r = 0; r < lhs.length; r++) {
                startRules[r] = lhs[r] == start;
            }
            return new LalrTables(lhs, lengths, startRules, explicit, defaultRule, next);
        }

        private static Map<Integer, Long> kernelWith(int[] kernel, long lookahead) {
            Map<Integer, Long> items = new LinkedHashMap<>();
            for (int item : kernel) {
                items.put(item, lookahead);
            }
            return items;
        }

        private static long key(int state, int item) {
            return (long) state << 32 | item;
        }

        private static int stateOf(long key) {
            return (int) (key >>> 32);
        }

        private static int itemOf(long key) {
            return (int) key;
        }
    }
}
