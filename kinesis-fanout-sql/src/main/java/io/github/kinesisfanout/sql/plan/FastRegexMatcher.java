package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.LogFormat;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Runs the searches of a FAST_REGEX_LOG_PARSE pattern (reference §4.7): each search takes the shortest prefix of
 * the rest of the string it matches (lazy), the last one the whole rest; a search that cannot match fails the
 * whole parse, as nothing backtracks into an earlier search.
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
            Matcher m = search.pattern().matcher(s);
            int next = k == searches.size() - 1 ? whole(m, pos, s.length()) : shortest(m, pos, s.length());
            if (next < 0) {
                return null;
            }
            List<Integer> groups = search.groups();
            for (int j = 0; j < groups.size(); j++) {
                int g = groups.get(j);
                if (g >= 0) {
                    if (start[g] < 0) {
                        start[g] = m.start(j + 1);
                    }
                    end[g] = m.end(j + 1);
                }
            }
            pos = next;
        }
        String[] out = new String[format.groups()];
        for (int g = 0; g < out.length; g++) {
            out[g] = s.substring(start[g], end[g]);
        }
        return out;
    }

    private static int whole(Matcher m, int from, int to) {
        m.region(from, to);
        return m.matches() ? to : -1;
    }

    /** The end of the shortest match from {@code from}; stops as soon as no longer prefix can match. */
    private static int shortest(Matcher m, int from, int to) {
        for (int e = from; e <= to; e++) {
            m.region(from, e);
            if (m.matches()) {
                return e;
            }
            if (!m.hitEnd()) {
                return -1;
            }
        }
        return -1;
    }
}
