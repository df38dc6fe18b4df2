package io.github.kinesisfanout.sql.analyze;

import dk.brics.automaton.RunAutomaton;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a log parsing function (reference §4.7) splits its string into the fields of its ROW result; the
 * parameter of an {@link Op#LOG_PARSE} call.
 */
public sealed interface LogFormat {

    /** The SQL function this format comes from, for messages. */
    String function();

    /**
     * REGEX_LOG_PARSE: the whole string must match; group i gives field i.
     *
     * @param pattern the compiled Java regular expression
     */
    record Regex(Pattern pattern) implements LogFormat {
        @Override
        public String function() {
            return "REGEX_LOG_PARSE";
        }
    }

    /**
     * W3C_LOG_PARSE: a predefined format or an Apache LogFormat string, compiled to a Java regular expression
     * that must match the whole string; group i gives field i (one per format specifier).
     *
     * @param pattern the compiled pattern
     */
    record W3c(Pattern pattern) implements LogFormat {
        @Override
        public String function() {
            return "W3C_LOG_PARSE";
        }
    }

    /**
     * FAST_REGEX_LOG_PARSE: the pattern decomposed into searches, each matched in turn on the shortest prefix of
     * the rest of the string (the last one on all of it), without backtracking into an earlier search.
     *
     * @param searches the searches, in order
     * @param groups the number of groups (fields)
     */
    record FastRegex(List<FastSearch> searches, int groups) implements LogFormat {
        @Override
        public String function() {
            return "FAST_REGEX_LOG_PARSE";
        }
    }

    /**
     * One search of a FAST_REGEX_LOG_PARSE pattern: a deterministic automaton matching its segments in order (the
     * leading, possibly variable-length, part and the fixed-length parts moved after it), so a segment's bounds
     * in a match follow from the lengths of the segments after it.
     *
     * @param automaton the concatenation of the segments, without dead states
     * @param groups for each segment, the 0-based field it belongs to, or -1 for text outside every group
     * @param lengths for each segment, its length; -1 for the first, whose length varies
     */
    record FastSearch(RunAutomaton automaton, List<Integer> groups, List<Integer> lengths) {
    }

    /**
     * VARIABLE_COLUMN_LOG_PARSE: fields separated by a delimiter string; missing trailing fields are NULL,
     * text after the last field stays in it.
     *
     * With an escape character, the character after it is taken as it is (the escape dropped); with quote
     * characters, text from a begin quote to the end quote stays in one field (the quotes dropped).
     *
     * @param delimiter the delimiter string
     * @param escape the escape character, or the empty string for none
     * @param quote the begin and end quote characters (one character is both), or the empty string for none
     */
    record Delimited(String delimiter, String escape, String quote) implements LogFormat {
        @Override
        public String function() {
            return "VARIABLE_COLUMN_LOG_PARSE";
        }
    }

    /**
     * FIXED_COLUMN_LOG_PARSE: each field at a 0-based position, for a length or to the end of the string.
     *
     * @param columns one per field, in order
     */
    record Fixed(List<FixedColumn> columns) implements LogFormat {
        @Override
        public String function() {
            return "FIXED_COLUMN_LOG_PARSE";
        }
    }

    /**
     * SYS_LOG_PARSE: {@code Mon DD HH:MM:SS text} (RFC 3164's timestamp, English month abbreviations, the day
     * space-padded or not); the timestamp gets the year of the row's ROWTIME, as the line has none.
     */
    record Syslog() implements LogFormat {
        @Override
        public String function() {
            return "SYS_LOG_PARSE";
        }
    }

    /**
     * A fixed-width field.
     *
     * @param start the 0-based start position
     * @param length the length, or -1 for the rest of the string
     */
    record FixedColumn(int start, int length) {
    }
}
