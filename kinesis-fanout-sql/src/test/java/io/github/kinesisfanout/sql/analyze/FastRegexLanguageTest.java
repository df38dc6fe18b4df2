package io.github.kinesisfanout.sql.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast-regex language is the syntax of dk.brics.automaton's RegExp: each expression here must denote the
 * same language as RegExp reads it (parentheses group in both; in a FAST_REGEX_LOG_PARSE pattern they also give
 * the columns), with the named patterns passed to RegExp as automata.
 */
class FastRegexLanguageTest {

    @ParameterizedTest
    @ValueSource(strings = {"~a*", "a|b&c", "ab&a@", "~(a|b)c", "<1-12>", "<01-12>", "<5-2>", "<0-100>", "[^a-c]x",
        "\"ab\"@", "a{2,3}b{2,}c{2}", "#|x", "()", ".+&~(@\" \"@)", "<Digit>+&\"1\"@", "~~a", "[a-c\\]]",
        "(a|bc)*d?", "<Alpha><Punct><Space>", "x&y|z", "~a|b", "~[0-9]+", "(.*)_(._.*)_.*", "<XDigit>{2}&<Digit>@"})
    void sameLanguageAsRegExp(String expression) {
        Automaton ours = FastRegex.language(expression);
        Automaton brics = new RegExp(expression, RegExp.ALL).toAutomaton(FastRegexAutomata.NAMED);
        assertTrue(ours.subsetOf(brics) && brics.subsetOf(ours), expression);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "<01-12>;07;true", "<01-12>;7;false", "<01-12>;007;false", "<1-12>;7;true", "<1-12>;007;true",
        "<1-12>;0;false", "<1-12>;13;false", "<5-2>;3;true", "<5-2>;6;false", "~a*;a;false", "~a*;aa;true",
        "a|b&c;a;true", "a|b&c;b;false"})
    void accepts(String expression, String input, boolean accepted) {
        assertEquals(accepted, FastRegex.language(expression).run(input), expression + " on " + input);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"<01-12>;2", "<1-12>;-1", "@&...;3", "#|x;1", "#;-1", "a{3}&~(b@);3",
        "();0", "<Digit>{2};2", "a*;-1"})
    void fixedLength(String expression, int length) {
        assertEquals(length, FastRegexAutomata.length(FastRegex.language(expression)), expression);
    }
}
