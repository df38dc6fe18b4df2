package io.github.kinesisfanout.sql.analyze;

import dk.brics.automaton.Automaton;
import java.util.List;

/** A parsed FAST_REGEX_LOG_PARSE pattern: the fast-regex language's expressions, with the groups that give columns. */
sealed interface FastRegexNode {

    /** A string, a character, a character class, a named pattern, a numerical interval, {@code @} or {@code #}. */
    record Leaf(Automaton automaton) implements FastRegexNode {
    }

    record Cat(List<FastRegexNode> items) implements FastRegexNode {
    }

    record Alt(List<FastRegexNode> options) implements FastRegexNode {
    }

    /** {@code a & b}; {@code at} is the first {@code &}. */
    record Inter(List<FastRegexNode> operands, int at) implements FastRegexNode {
    }

    /** {@code ~x}: every string that {@code x} does not match. */
    record Compl(FastRegexNode node) implements FastRegexNode {
    }

    /** {@code max} -1 = unbounded; {@code at} is the repetition operator. */
    record Rep(FastRegexNode node, int min, int max, int at) implements FastRegexNode {
    }

    /** A group {@code (...)}, one column; {@code at} is its parenthesis. */
    record Group(FastRegexNode node, int at) implements FastRegexNode {
    }
}
