package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A context-free grammar over {@link Token}s whose rules compute a {@code long}, written as the
 * original's bison grammars are (one {@link #rule} per alternative, right-recursive, with
 * {@code %empty} alternatives), and a parser for it: each symbol is parsed at each position into
 * every span it can cover, memoized, so any such grammar parses without a parse table. A span
 * keeps its first value. A rule's action that overflows a {@code long} fails that alternative; if
 * no parse is left, the input is out of range rather than malformed.
 */
final class Grammar {
    /** The value of one alternative from the values of its symbols, in order. */
    @FunctionalInterface
    interface Action {
        long apply(long[] values);
    }

    /** An alternative: its symbols by number (terminals first), and its action. */
    private record Rule(int[] symbols, Action action) {
    }

    private final String start;
    private final Map<String, List<Rule>> rulesByName = new LinkedHashMap<>();
    private final List<String[]> symbolsByRule = new ArrayList<>();
    /** Terminals in declaration order ({@link Token#END} first), which orders the expected tokens of an error, as bison does. */
    private final List<String> terminals;
    /** Symbol numbers: terminals, then nonterminals; made at the first parse, once every rule is known. */
    private volatile Compiled compiled;

    private record Compiled(Map<String, Integer> numbers, Rule[][] rules, int start) {
    }

    Grammar(String start, String... terminals) {
        this.start = start;
        List<String> all = new ArrayList<>(List.of(Token.END));
        all.addAll(List.of(terminals));
        this.terminals = List.copyOf(all);
    }

    /** Adds the alternative {@code symbol: symbols... { action }}; no symbols is {@code %empty}. */
    Grammar rule(String symbol, Action action, String... symbols) {
        rulesByName.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Rule(null, action));
        symbolsByRule.add(symbols);
        return this;
    }

    /** An alternative whose value is that of its only symbol ({@code $$ = $1}). */
    Grammar rule(String symbol, String only) {
        return rule(symbol, v -> v[0], only);
    }

    private Compiled compiled() {
        Compiled c = compiled;
        if (c == null) {
            Map<String, Integer> numbers = new LinkedHashMap<>();
            terminals.forEach(t -> numbers.put(t, numbers.size()));
            rulesByName.keySet().forEach(n -> numbers.put(n, numbers.size()));
            Rule[][] rules = new Rule[numbers.size()][];
            int next = 0;
            for (Map.Entry<String, List<Rule>> e : rulesByName.entrySet()) {
                List<Rule> alternatives = new ArrayList<>();
                for (Rule r : e.getValue()) {
                    String[] names = symbolsByRule.get(next++);
                    alternatives.add(new Rule(Arrays.stream(names).mapToInt(n -> {
                        Integer number = numbers.get(n);
                        if (number == null) {
                            throw new IllegalStateException("symbol " + n + " is neither a terminal nor has a rule");
                        }
                        return number;
                    }).toArray(), r.action()));
                }
                rules[numbers.get(e.getKey())] = alternatives.toArray(Rule[]::new);
            }
            c = compiled = new Compiled(Map.copyOf(numbers), rules, numbers.get(start));
        }
        return c;
    }

    /**
     * The value of the whole of {@code tokens} (ending in {@link Token#END}) as the start symbol.
     *
     * @throws IllegalArgumentException naming the unexpected token, as bison's verbose errors do
     * @throws ArithmeticException when only overflowing parses would have read it
     */
    long parse(List<Token> tokens) {
        Compiled c = compiled();
        int[] kinds = new int[tokens.size()];
        long[] values = new long[tokens.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = c.numbers().getOrDefault(tokens.get(i).kind(), -1);
            values[i] = tokens.get(i).value();
        }
        Parse parse = new Parse(c, kinds, values);
        Spans spans = parse.spans(c.start(), 0);
        for (int i = 0; i < spans.size; i++) {
            if (spans.ends[i] == kinds.length) {
                return spans.values[i];
            }
        }
        if (parse.overflowed) {
            throw new ArithmeticException("value out of range");
        }
        int at = Math.min(parse.furthest, kinds.length - 1);
        List<String> wanted = new ArrayList<>();
        for (int t = 0; t < terminals.size(); t++) {
            if ((parse.expected & (1L << t)) != 0) {
                wanted.add(terminals.get(t));
            }
        }
        // The start symbol ends in END, so a token matched here would have moved furthest on: this one was not.
        String message = "syntax error, unexpected " + tokens.get(at).kind();
        throw new IllegalArgumentException(wanted.isEmpty() || wanted.size() > 4 ? message
                : message + ", expecting " + String.join(" or ", wanted));
    }

    /** The ends of the spans one symbol covers from one position, with their values, in the order found. */
    private static final class Spans {
        static final Spans NONE = new Spans();
        int[] ends = new int[2];
        long[] values = new long[2];
        int size;

        void add(int end, long value) {
            for (int i = 0; i < size; i++) {
                if (ends[i] == end) {
                    return; // a span keeps its first value
                }
            }
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            ends[size] = end;
            values[size++] = value;
        }
    }

    /** One parse of one input: the spans found so far, and the furthest position a terminal was tried at. */
    private static final class Parse {
        private final Compiled grammar;
        private final int[] kinds;
        private final long[] tokenValues;
        /** By symbol and position: null until parsed. */
        private final Spans[] memo;
        int furthest;
        /** The terminals tried at {@link #furthest}, one bit each. */
        long expected;
        boolean overflowed;

        Parse(Compiled grammar, int[] kinds, long[] tokenValues) {
            this.grammar = grammar;
            this.kinds = kinds;
            this.tokenValues = tokenValues;
            this.memo = new Spans[grammar.rules().length * (kinds.length + 1)];
        }

        Spans spans(int symbol, int from) {
            Rule[] alternatives = grammar.rules()[symbol];
            if (alternatives == null) {
                return terminal(symbol, from);
            }
            int key = symbol * (kinds.length + 1) + from;
            Spans known = memo[key];
            if (known != null) {
                return known;
            }
            Spans ends = new Spans();
            memo[key] = ends; // the grammars are right-recursive: no symbol reaches itself at the same position
            for (Rule rule : alternatives) {
                alternative(rule, 0, from, new long[rule.symbols().length], ends);
            }
            return ends;
        }

        private void alternative(Rule rule, int index, int at, long[] values, Spans ends) {
            if (index == values.length) {
                try {
                    ends.add(at, rule.action().apply(values)); // actions read the values at once: no copy
                } catch (ArithmeticException e) {
                    overflowed = true;
                }
                return;
            }
            Spans spans = spans(rule.symbols()[index], at);
            for (int i = 0; i < spans.size; i++) {
                values[index] = spans.values[i];
                alternative(rule, index + 1, spans.ends[i], values, ends);
            }
        }

        private Spans terminal(int kind, int at) {
            if (at > furthest) {
                furthest = at;
                expected = 0;
            }
            if (at == furthest) {
                expected |= 1L << kind;
            }
            if (at >= kinds.length || kinds[at] != kind) {
                return Spans.NONE;
            }
            Spans one = new Spans();
            one.add(at + 1, tokenValues[at]);
            return one;
        }
    }
}
