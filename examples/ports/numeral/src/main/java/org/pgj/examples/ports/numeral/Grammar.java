package org.pgj.examples.ports.numeral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private record Rule(List<String> symbols, Action action) {
    }

    private final String start;
    private final Map<String, List<Rule>> rules = new LinkedHashMap<>();
    /** Terminals in declaration order ({@link Token#END} first), which orders the expected tokens of an error, as bison does. */
    private final List<String> terminals;

    Grammar(String start, String... terminals) {
        this.start = start;
        List<String> all = new ArrayList<>(List.of(Token.END));
        all.addAll(List.of(terminals));
        this.terminals = List.copyOf(all);
    }

    /** Adds the alternative {@code symbol: symbols... { action }}; no symbols is {@code %empty}. */
    Grammar rule(String symbol, Action action, String... symbols) {
        rules.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Rule(List.of(symbols), action));
        return this;
    }

    /** An alternative whose value is that of its only symbol ({@code $$ = $1}). */
    Grammar rule(String symbol, String only) {
        return rule(symbol, v -> v[0], only);
    }

    /**
     * The value of the whole of {@code tokens} (ending in {@link Token#END}) as the start symbol.
     *
     * @throws IllegalArgumentException naming the unexpected token, as bison's verbose errors do
     * @throws ArithmeticException when only overflowing parses would have read it
     */
    long parse(List<Token> tokens) {
        Parse parse = new Parse(tokens);
        Long value = parse.spans(start, 0).get(tokens.size());
        if (value != null) {
            return value;
        }
        if (parse.overflowed) {
            throw new ArithmeticException("value out of range");
        }
        throw new IllegalArgumentException(parse.error());
    }

    /** One parse of one input: the spans found so far, and the furthest position a terminal was tried at. */
    private final class Parse {
        private final List<Token> tokens;
        private final Map<String, Map<Integer, Map<Integer, Long>>> memo = new HashMap<>();
        private int furthest;
        private final Set<String> expected = new LinkedHashSet<>();
        private boolean overflowed;

        Parse(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** Every end of a span {@code symbol} covers from {@code from}, with its value. */
        Map<Integer, Long> spans(String symbol, int from) {
            if (!rules.containsKey(symbol)) {
                return terminal(symbol, from);
            }
            Map<Integer, Map<Integer, Long>> bySymbol = memo.computeIfAbsent(symbol, s -> new HashMap<>());
            Map<Integer, Long> known = bySymbol.get(from);
            if (known != null) {
                return known;
            }
            Map<Integer, Long> ends = new LinkedHashMap<>();
            bySymbol.put(from, ends); // the grammars are right-recursive: no symbol reaches itself at the same position
            for (Rule rule : rules.get(symbol)) {
                alternative(rule, 0, from, new long[rule.symbols().size()], ends);
            }
            return ends;
        }

        private void alternative(Rule rule, int index, int at, long[] values, Map<Integer, Long> ends) {
            if (index == values.length) {
                try {
                    ends.putIfAbsent(at, rule.action().apply(values.clone()));
                } catch (ArithmeticException e) {
                    overflowed = true;
                }
                return;
            }
            for (Map.Entry<Integer, Long> span : spans(rule.symbols().get(index), at).entrySet()) {
                values[index] = span.getValue();
                alternative(rule, index + 1, span.getKey(), values, ends);
            }
        }

        private Map<Integer, Long> terminal(String kind, int at) {
            if (at > furthest) {
                furthest = at;
                expected.clear();
            }
            if (at == furthest) {
                expected.add(kind);
            }
            Token token = tokens.get(at);
            return token.kind().equals(kind) ? Map.of(at + 1, token.value()) : Map.of();
        }

        /** bison's verbose message: the unexpected token, and what it expected when that is up to four tokens. */
        String error() {
            int at = Math.min(furthest, tokens.size() - 1);
            // The start symbol ends in END, so a token matched here would have moved furthest on: this one was not.
            Token unexpected = tokens.get(at);
            List<String> wanted = terminals.stream().filter(expected::contains).toList();
            String message = "syntax error, unexpected " + unexpected.kind();
            return wanted.isEmpty() || wanted.size() > 4 ? message : message + ", expecting " + String.join(" or ", wanted);
        }
    }
}
