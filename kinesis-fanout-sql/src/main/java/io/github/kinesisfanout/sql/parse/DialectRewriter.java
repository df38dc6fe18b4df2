package io.github.kinesisfanout.sql.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the dialect's non-standard forms, token by token, into text Calcite parses, keeping every
 * character offset (each replacement has the length of what it replaces), so Calcite's positions
 * stay positions in the original code.
 *
 * <ul>
 *   <li>{@code INSERT EXPEDITED INTO}: EXPEDITED is blanked (it only hints at scheduling).</li>
 *   <li>{@code STEP(x BY y)} becomes {@code STEP(x , y)}.</li>
 *   <li>{@code SUBSTRING(s SIMILAR p ESCAPE e)} becomes {@code SUBSTRING(s FROM    p FOR    e)}.</li>
 *   <li>{@code WINDOWED BY STAGGER (PARTITION BY k, ... RANGE INTERVAL 'n' unit)} becomes
 *   {@code GROUP    BY STAGGER (             k, ...,     INTERVAL 'n' unit)}, which the GROUP BY analysis
 *   recognizes as a stagger window.</li>
 * </ul>
 */
final class DialectRewriter {

    private DialectRewriter() {
    }

    /**
     * Applies the rewrites to {@code text} (the code with everything outside the statement blanked).
     *
     * @return positions of comma-form SUBSTRING calls, which differ in semantics from the FROM form
     */
    static Set<SourcePos> rewrite(char[] text, List<Token> tokens) {
        Set<SourcePos> commaSubstrings = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isKeyword("WINDOWED") && i + 1 < tokens.size() && tokens.get(i + 1).isKeyword("BY")) {
                stagger(text, tokens, i);
            }
            if (t.isKeyword("EXPEDITED") && i > 0 && tokens.get(i - 1).isKeyword("INSERT")) {
                blank(text, t);
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (call && t.isKeyword("STEP")) {
                rewriteArguments(text, tokens, i + 1, "BY", ", ", null, null);
            }
            if (call && t.isKeyword("SUBSTRING")) {
                boolean comma = rewriteArguments(text, tokens, i + 1, "SIMILAR", "FROM   ", "ESCAPE", "FOR   ");
                if (comma) {
                    commaSubstrings.add(t.pos());
                }
            }
        }
        return commaSubstrings;
    }

    /**
     * Replaces keywords at depth 1 of the call whose "(" is at {@code open}.
     *
     * @return true when the call's arguments are separated by commas (no FROM at depth 1)
     */
    private static boolean rewriteArguments(char[] text, List<Token> tokens, int open, String word1,
            String replacement1, String word2, String replacement2) {
        int depth = 0;
        boolean comma = false;
        boolean from = false;
        for (int j = open; j < tokens.size(); j++) {
            Token a = tokens.get(j);
            if (a.isSymbol("(")) {
                depth++;
            } else if (a.isSymbol(")")) {
                if (--depth == 0) {
                    break;
                }
            } else if (depth == 1) {
                if (a.isKeyword(word1)) {
                    replace(text, a, replacement1);
                    from = true;
                } else if (word2 != null && a.isKeyword(word2)) {
                    replace(text, a, replacement2);
                } else if (a.isSymbol(",")) {
                    comma = true;
                } else if (a.isKeyword("FROM")) {
                    from = true;
                }
            }
        }
        return comma && !from;
    }

    /** Rewrites {@code WINDOWED BY STAGGER (PARTITION BY keys RANGE interval)} at {@code i} into a GROUP BY. */
    private static void stagger(char[] text, List<Token> tokens, int i) {
        String shape = "WINDOWED BY STAGGER (PARTITION BY keys RANGE INTERVAL 'n' unit)";
        String[] words = {"BY", "STAGGER", "(", "PARTITION", "BY"};
        for (int k = 0; k < words.length; k++) {
            Token w = i + 1 + k < tokens.size() ? tokens.get(i + 1 + k) : null;
            if (w == null || !(w.isKeyword(words[k]) || w.isSymbol(words[k]))) {
                throw new ParseError((w == null ? tokens.get(i) : w).pos(), "Expected " + shape + ", found "
                        + (w == null ? "end of statement" : w.describe()));
            }
        }
        int depth = 0;
        Token range = null;
        for (int j = i + 3; j < tokens.size() && range == null; j++) {
            Token a = tokens.get(j);
            if (a.isSymbol("(")) {
                depth++;
            } else if (a.isSymbol(")") && --depth == 0) {
                throw new ParseError(a.pos(), "Expected RANGE INTERVAL 'n' unit in " + shape);
            } else if (depth == 1 && a.isKeyword("RANGE")) {
                range = a;
            }
        }
        if (range == null) {
            throw new ParseError(tokens.get(i).pos(), "Expected " + shape);
        }
        replace(text, tokens.get(i), "GROUP   ");
        blank(text, tokens.get(i + 4));
        blank(text, tokens.get(i + 5));
        replace(text, range, ",    ");
    }

    private static void replace(char[] text, Token token, String replacement) {
        for (int k = 0; k < token.end() - token.start(); k++) {
            text[token.start() + k] = replacement.charAt(k);
        }
    }

    private static void blank(char[] text, Token token) {
        for (int k = token.start(); k < token.end(); k++) {
            text[k] = ' ';
        }
    }
}
