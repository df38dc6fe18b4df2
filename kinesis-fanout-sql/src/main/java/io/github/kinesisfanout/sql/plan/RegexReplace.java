package io.github.kinesisfanout.sql.plan;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * REGEX_REPLACE(original, regex, replacement, startPosition, occurrence): Java replaceAll semantics
 * from startPosition; occurrence 0 replaces all, n only the n-th match; NULL if any argument is NULL;
 * startPosition &lt; 1 or occurrence &lt; 0 is an error of the row (reference §4.7).
 */
final class RegexReplace {

    private RegexReplace() {
    }

    static Evaluator of(List<Evaluator> args) {
        Evaluator[] all = args.toArray(new Evaluator[0]);
        return row -> {
            Object[] v = new Object[5];
            v[3] = 1;
            v[4] = 0;
            for (int i = 0; i < all.length; i++) {
                v[i] = all[i].eval(row);
                if (v[i] == null) {
                    return null;
                }
            }
            return replace((String) v[0], (String) v[1], (String) v[2], ((Number) v[3]).longValue(),
                    ((Number) v[4]).longValue());
        };
    }

    static String replace(String original, String regex, String replacement, long start, long occurrence) {
        if (start < 1) {
            throw new EvaluationException("Function_Error", "REGEX_REPLACE startPosition must be at least 1, was " + start);
        }
        if (occurrence < 0) {
            throw new EvaluationException("Function_Error", "REGEX_REPLACE occurrence must not be negative, was "
                    + occurrence);
        }
        if (start > original.length()) {
            return original;
        }
        Pattern pattern = Patterns.compile(regex);
        String head = original.substring(0, (int) start - 1);
        String tail = original.substring((int) start - 1);
        Matcher m = pattern.matcher(tail);
        try {
            if (occurrence == 0) {
                return head + m.replaceAll(replacement);
            }
            StringBuilder out = new StringBuilder(head);
            long n = 0;
            while (m.find()) {
                if (++n == occurrence) {
                    m.appendReplacement(out, replacement);
                    m.appendTail(out);
                    return out.toString();
                }
            }
            return original;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new EvaluationException("Function_Error", "Invalid REGEX_REPLACE replacement '" + replacement + "': "
                    + e.getMessage());
        }
    }
}
