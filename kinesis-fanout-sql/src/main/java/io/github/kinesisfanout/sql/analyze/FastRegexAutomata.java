package io.github.kinesisfanout.sql.analyze;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
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

    /** The length of every string {@code a} accepts, or -1 when it varies or the language is empty. */
    static int length(Automaton a) {
        Automaton d = a.clone();
        d.minimize();
        if (d.isEmpty()) {
            return -1;
        }
        return remaining(d.getInitialState(), new HashMap<>());
    }

    /**
     * The one length of the paths from {@code s} to an accepting state, or -1; after minimizing, every state
     * left reachable is live, so a cycle means unbounded lengths. {@code memo} holds -2 for a state being visited.
     */
    private static int remaining(State s, Map<State, Integer> memo) {
        Integer known = memo.get(s);
        if (known != null) {
            return known == -2 ? -1 : known;
        }
        memo.put(s, -2);
        int length = s.isAccept() ? 0 : -2;
        for (Transition t : s.getTransitions()) {
            int next = remaining(t.getDest(), memo);
            if (next < 0 || length != -2 && length != next + 1) {
                length = -1;
                break;
            }
            length = next + 1;
        }
        if (length == -2) {
            length = -1;
        }
        memo.put(s, length);
        return length;
    }
}
