package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.functions.ScalarFunction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * KDA_REGEX_REPLACE(s, regex, replacement, position, occurrence): Java regex replacement from the
 * 1-based position; occurrence 0 replaces every match, n only the n-th.
 */
public final class RegexReplace extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    private transient String lastRegex;
    private transient Pattern lastPattern;

    /** The replaced text, or NULL when any argument is NULL; a position below 1 or a negative occurrence throws. */
    public String eval(String s, String regex, String replacement, Integer position, Integer occurrence) {
        if (s == null || regex == null || replacement == null || position == null || occurrence == null) {
            return null;
        }
        if (position < 1) {
            throw new IllegalArgumentException("REGEX_REPLACE startPosition must be at least 1, was " + position);
        }
        if (occurrence < 0) {
            throw new IllegalArgumentException("REGEX_REPLACE occurrence must not be negative, was " + occurrence);
        }
        if (position > s.length()) {
            return s;
        }
        String head = s.substring(0, position - 1);
        Matcher m = pattern(regex).matcher(s.substring(position - 1));
        try {
            if (occurrence == 0) {
                return head + m.replaceAll(replacement);
            }
            StringBuffer out = new StringBuffer(head);
            int n = 0;
            while (m.find()) {
                if (++n == occurrence) {
                    m.appendReplacement(out, replacement);
                    m.appendTail(out);
                    return out.toString();
                }
            }
            return s;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("Invalid REGEX_REPLACE replacement '" + replacement + "': "
                    + e.getMessage(), e);
        }
    }

    private Pattern pattern(String regex) {
        if (!regex.equals(lastRegex)) {
            try {
                lastPattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid pattern '" + regex + "': " + e.getDescription(), e);
            }
            lastRegex = regex;
        }
        return lastPattern;
    }
}
