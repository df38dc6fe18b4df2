package io.github.kinesisfanout.sql.analyze;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The automata (dk.brics.automaton, whose RegExp syntax the fast-regex language is) of FAST_REGEX_LOG_PARSE
 * patterns: the named patterns, a node's automaton, and the one length of the strings an automaton accepts.
 */
final class FastRegexAutomata {

    private static final String PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The named patterns {@code <Digit>} ... as the reference lists them ({@code <Print>} has no space). */
    static final Map<String, Automaton> NAMED = Map.ofEntries(
            Map.entry("Digit", range('0', '9')), Map.entry("Upper", range('A', 'Z')),
            Map.entry("Lower", range('a', 'z')), Map.entry("ASCII", range('\0', '\u007f')),
            Map.entry("Alpha", range('a', 'z').union(range('A', 'Z'))), Map.entry("Alnum", alnum()),
            Map.entry("Punct", BasicAutomata.makeCharSet(PUNCT)), Map.entry("Blank", BasicAutomata.makeCharSet(" \t")),
            Map.entry("Space", BasicAutomata.makeCharSet(" \t\n\f\r\u000b")),
            Map.entry("Cntrl", range('\0', '\u001f').union(BasicAutomata.makeChar('\u007f'))),
            Map.entry("XDigit", range('0', '9').union(range('a', 'f')).union(range('A', 'F'))),
            Map.entry("Print", alnum().union(BasicAutomata.makeCharSet(PUNCT))),
            Map.entry("Graph", alnum().union(BasicAutomata.makeCharSet(PUNCT))));

    /** The largest count of {@code {n}}, {@code {n,}} or {@code {n,m}}. */
    static final int MAX_REPEAT = 1000;

    /** The most states a repetition may make, so a pattern cannot make an automaton too large to hold. */
    static final int MAX_STATES = 200_000;

    private FastRegexAutomata() {
    }

    private static Automaton range(char from, char to) {
        return BasicAutomata.makeCharRange(from, to);
    }

    private static Automaton alnum() {
        return range('a', 'z').union(range('A', 'Z')).union(range('0', '9'));
    }

    /** The automaton of {@code node}; a group matches what its expression matches. */
    static Automaton of(FastRegexNode node) {
        if (node instanceof FastRegexNode.Leaf l) {
            return l.automaton().clone();
        }
        if (node instanceof FastRegexNode.Group g) {
            return of(g.node());
        }
        if (node instanceof FastRegexNode.Cat c) {
            return of(c.items());
        }
        if (node instanceof FastRegexNode.Alt a) {
            Automaton out = BasicAutomata.makeEmpty();
            for (FastRegexNode x : a.options()) {
                out = out.union(of(x));
            }
            return out;
        }
        if (node instanceof FastRegexNode.Inter in) {
            Automaton out = of(in.operands().get(0));
            for (FastRegexNode x : in.operands().subList(1, in.operands().size())) {
                out = out.intersection(of(x));
            }
            return out;
        }
        if (node instanceof FastRegexNode.Compl c) {
            return of(c.node()).complement();
        }
        FastRegexNode.Rep r = (FastRegexNode.Rep) node;
        Automaton inner = of(r.node());
        if ((long) inner.getNumberOfStates() * Math.max(r.min(), r.max()) > MAX_STATES) {
            throw new PatternError(r.at(), "this repetition makes an automaton of more than " + MAX_STATES
                    + " states, which is not supported");
        }
        return r.max() < 0 ? inner.repeat(r.min()) : inner.repeat(r.min(), r.max());
    }

    /** The concatenation of {@code items} (the empty string when there are none). */
    static Automaton of(List<FastRegexNode> items) {
        Automaton out = BasicAutomata.makeEmptyString();
        for (FastRegexNode x : items) {
            out = out.concatenate(of(x));
        }
        return out;
    }

    /** The length of every string {@code node} matches, or -1 when it varies or nothing matches. */
    static int length(FastRegexNode node) {
        return length(of(node));
    }

    /**
     * The length of every string {@code a} accepts, or -1 when it varies or the language is empty. After
     * minimizing, every reachable state can still reach an accepting one, so the lengths are one exactly when
     * each state lies at one distance from the start (every transition goes one level down) and every accepting
     * state at the same one.
     */
    static int length(Automaton a) {
        Automaton d = a.clone();
        d.minimize();
        if (d.isEmpty()) {
            return -1;
        }
        Map<State, Integer> level = new HashMap<>();
        Deque<State> todo = new ArrayDeque<>();
        level.put(d.getInitialState(), 0);
        todo.add(d.getInitialState());
        int accepted = -1;
        while (!todo.isEmpty()) {
            State s = todo.remove();
            int at = level.get(s);
            if (s.isAccept()) {
                if (accepted >= 0 && accepted != at) {
                    return -1;
                }
                accepted = at;
            }
            for (Transition t : s.getTransitions()) {
                Integer known = level.putIfAbsent(t.getDest(), at + 1);
                if (known == null) {
                    todo.add(t.getDest());
                } else if (known != at + 1) {
                    return -1;
                }
            }
        }
        return accepted;
    }
}
