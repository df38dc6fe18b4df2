package io.github.kinesisfanout.sql.plan;

import dk.brics.automaton.RunAutomaton;
import io.github.kinesisfanout.sql.analyze.LogFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the searches of a FAST_REGEX_LOG_PARSE pattern (reference §4.7): each search takes the shortest prefix of
 * the rest of the string it matches (lazy), the last one the whole rest; a search that cannot match fails the
 * whole parse, as nothing backtracks into an earlier search. Each search is a deterministic automaton run once
 * over the characters it reads, so the whole parse is linear in the length of the string.
 */
final class FastRegexMatcher {

    private FastRegexMatcher() {
    }

    /** The texts of the groups, or null when the string does not match. */
    static String[] match(LogFormat.FastRegex format, String s) {
        int[] start = new int[format.groups()];
        int[] end = new int[format.groups()];
        Arrays.fill(start, -1);
        int pos = 0;
        List<LogFormat.FastSearch> searches = format.searches();
        for (int k = 0; k < searches.size(); k++) {
            LogFormat.FastSearch search = searches.get(k);
            int next = k == searches.size() - 1 ? whole(search.automaton(), s, pos) : shortest(search.automaton(), s, pos);
            if (next < 0) {
                return null;
            }
            List<Integer> groups = search.groups();
            List<Integer> lengths = search.lengths();
            int segmentEnd = next;
            for (int j = groups.size() - 1; j >= 0; j--) {
                int segmentStart = j == 0 ? pos : segmentEnd - lengths.get(j);
                int g = groups.get(j);
                if (g >= 0) {
                    if (start[g] < 0 || segmentStart < start[g]) {
                        start[g] = segmentStart;
                    }
                    end[g] = Math.max(end[g], segmentEnd);
                }
                segmentEnd = segmentStart;
            }
            pos = next;
        }
        String[] out = new String[format.groups()];
        for (int g = 0; g < out.length; g++) {
            out[g] = s.substring(start[g], end[g]);
        }
        return out;
    }

    /** {@code to} when the automaton accepts all of the rest of {@code s} from {@code from}, else -1. */
    private static int whole(RunAutomaton a, String s, int from) {
        int state = a.getInitialState();
        for (int e = from; e < s.length(); e++) {
            state = a.step(state, s.charAt(e));
            if (state < 0) {
                return -1;
            }
        }
        return a.isAccept(state) ? s.length() : -1;
    }

    /** The end of the shortest prefix from {@code from} the automaton accepts; stops when it can accept no longer one. */
    private static int shortest(RunAutomaton a, String s, int from) {
        int state = a.getInitialState();
        for (int e = from; ; e++) {
            if (a.isAccept(state)) {
                return e;
            }
            if (e == s.length()) {
                return -1;
            }
            state = a.step(state, s.charAt(e));
            if (state < 0) {
                return -1;
            }
        }
    }
}
