package io.github.kinesisfanout.sql.plan;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Translates LIKE and SIMILAR TO patterns into Java regular expressions. */
final class Patterns {

    private Patterns() {
    }

    /** LIKE: {@code %} any run, {@code _} one character, everything else literal; optional escape. */
    static Pattern like(String pattern, String escape) {
        char esc = escapeChar(escape);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (esc != 0 && c == esc) {
                if (++i >= pattern.length()) {
                    throw new EvaluationException("Pattern_Error", "LIKE pattern ends with its escape character");
                }
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            } else if (c == '%') {
                regex.append("(?s:.*)");
            } else if (c == '_') {
                regex.append("(?s:.)");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** SIMILAR TO: LIKE's wildcards plus regular-expression operators ({@code | * + ? {} () []}). */
    static Pattern similar(String pattern, String escape) {
        return compile(similarRegex(pattern, escape));
    }

    static String similarRegex(String pattern, String escape) {
        char esc = escapeChar(escape);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (esc != 0 && c == esc && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append("(?s:.*)");
            } else if (c == '_') {
                regex.append("(?s:.)");
            } else if ("|*+?{}()[]^-,0123456789".indexOf(c) >= 0 || Character.isLetterOrDigit(c)) {
                regex.append(c);
            } else {
                regex.append('\\').append(c);
            }
        }
        return regex.toString();
    }

    static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new EvaluationException("Pattern_Error", "Invalid pattern '" + regex + "': " + e.getDescription());
        }
    }

    private static char escapeChar(String escape) {
        if (escape == null) {
            return 0;
        }
        if (escape.length() != 1) {
            throw new EvaluationException("Pattern_Error", "ESCAPE must be a single character, was '" + escape + "'");
        }
        return escape.charAt(0);
    }
}
