package io.github.kinesisfanout.local.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * A CloudWatch Logs filter pattern made of terms: every plain term must occur, {@code ?term}s
 * match when any of them occurs, {@code -term}s must not occur; a double-quoted term is matched as
 * a phrase. Terms are case-sensitive, as in CloudWatch Logs. JSON and space-delimited patterns
 * are rejected.
 */
final class FilterPattern {

    private final List<String> required = new ArrayList<>();
    private final List<String> optional = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private FilterPattern() {
    }

    static FilterPattern parse(String pattern) {
        FilterPattern result = new FilterPattern();
        if (pattern == null || pattern.isBlank() || pattern.strip().equals("\"\"")) {
            return result;
        }
        String text = pattern.strip();
        if (text.startsWith("{") || text.startsWith("[") || text.startsWith("%")) {
            throw LogsErrors.INVALID_PARAMETER.error("filterPattern '" + pattern + "': the local cloud supports"
                    + " term patterns only (plain, ?optional, -excluded and \"quoted\" terms)");
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = result.required;
            if (c == '?' || c == '-') {
                target = c == '?' ? result.optional : result.excluded;
                i++;
            }
            String term;
            if (i < text.length() && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw LogsErrors.INVALID_PARAMETER.error("filterPattern '" + pattern + "': unterminated quoted term");
                }
                term = text.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = text.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                target.add(term);
            }
        }
        return result;
    }

    boolean matches(String message) {
        for (String term : required) {
            if (!message.contains(term)) {
                return false;
            }
        }
        for (String term : excluded) {
            if (message.contains(term)) {
                return false;
            }
        }
        return optional.isEmpty() || optional.stream().anyMatch(message::contains);
    }
}
