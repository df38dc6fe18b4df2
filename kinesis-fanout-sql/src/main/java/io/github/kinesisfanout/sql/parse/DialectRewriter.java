package io.github.kinesisfanout.sql.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 *   <li>{@code FROM A OVER (window) AS a JOIN ...} and {@code FROM A OVER w AS a}: the window of a FROM item in a
 *   join of two streams is blanked ({@code FROM A                AS a}) and handed back, so the query around it
 *   parses; {@link QueryParser} parses the window on its own.</li>
 *   <li>{@code ANY(b)} becomes {@code $NY(b)} and {@code NTH_VALUE(x, n) FROM LAST} becomes {@code NTH_VALUE(x, n)}
 *   (FROM FIRST is blanked too); {@link MarkedCalls} renames the parsed calls back.</li>
 * </ul>
 */
final class DialectRewriter {

    private DialectRewriter() {
    }

    /**
     * Applies the rewrites to {@code text} (the code with everything outside the statement blanked).
     *
     * @param renamed receives the calls written otherwise, by the position of their name (see {@link MarkedCalls})
     * @return positions of comma-form SUBSTRING calls, which differ in semantics from the FROM form
     */
    static Set<SourcePos> rewrite(char[] text, List<Token> tokens, List<Over> fromWindows,
            Map<SourcePos, String> renamed) {
        Set<SourcePos> commaSubstrings = new HashSet<>();
        fromWindows.addAll(fromWindows(text, tokens));
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isKeyword("WINDOWED") && i + 1 < tokens.size() && tokens.get(i + 1).isKeyword("BY")) {
                stagger(text, tokens, i);
            }
            if (t.isKeyword("GROUP") && i + 3 < tokens.size() && tokens.get(i + 1).isKeyword("BY")
                    && tokens.get(i + 2).isKeyword("STAGGER") && tokens.get(i + 3).isSymbol("(")) {
                throw new ParseError(tokens.get(i + 2).pos(), "GROUP BY STAGGER(...) is not a stagger window: write "
                        + "WINDOWED BY STAGGER (PARTITION BY keys RANGE INTERVAL 'n' unit)");
            }
            if (t.isKeyword("EXPEDITED") && i > 0 && tokens.get(i - 1).isKeyword("INSERT")) {
                blank(text, t);
            }
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if (call && t.isKeyword("STEP")) {
                rewriteArguments(text, tokens, i + 1, "BY", ", ", null, null);
            }
            if (call && t.isKeyword("ANY") && (i == 0 || !COMPARISONS.contains(tokens.get(i - 1).text()))) {
                replace(text, t, "$NY");
                renamed.put(t.pos(), "ANY");
            }
            if (call && t.isKeyword("NTH_VALUE")) {
                nthValue(text, tokens, i, renamed);
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

    /** Operators after which {@code ANY (} is a quantified comparison, not the boolean aggregate. */
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", ">", "<=", ">=");

    /** Blanks the {@code FROM FIRST} / {@code FROM LAST} after {@code NTH_VALUE(...)} at {@code i}, noting LAST. */
    private static void nthValue(char[] text, List<Token> tokens, int i, Map<SourcePos, String> renamed) {
        int depth = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j).isSymbol("(")) {
                depth++;
            } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
                if (j + 2 < tokens.size() && tokens.get(j + 1).isKeyword("FROM")
                        && (tokens.get(j + 2).isKeyword("FIRST") || tokens.get(j + 2).isKeyword("LAST"))) {
                    if (tokens.get(j + 2).isKeyword("LAST")) {
                        renamed.put(tokens.get(i).pos(), MarkedCalls.NTH_VALUE_FROM_LAST);
                    }
                    blank(text, tokens.get(j + 1));
                    blank(text, tokens.get(j + 2));
                }
                return;
            }
        }
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

    /**
     * A window after a FROM item, found in the tokens.
     *
     * @param item the first token of the FROM item (the stream name, or the SELECT of a sub-query)
     * @param over the OVER token
     * @param open the index of the window's "(" (inline window), or -1
     * @param close the index of its ")", or -1
     * @param name the window name (named window), or null
     */
    record Over(Token item, Token over, int open, int close, Token name) {
    }

    /** Finds and blanks every {@code OVER ...} that follows a FROM item (after FROM or JOIN at the same depth). */
    private static List<Over> fromWindows(char[] text, List<Token> tokens) {
        List<Over> found = new java.util.ArrayList<>();
        Deque<Boolean> inFrom = new ArrayDeque<>();
        inFrom.push(false);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                inFrom.push(false);
            } else if (t.isSymbol(")")) {
                if (inFrom.size() > 1) {
                    inFrom.pop();
                }
            } else if ((t.isKeyword("FROM") && !nthFrom(tokens, i)) || t.isKeyword("JOIN")) {
                inFrom.pop();
                inFrom.push(true);
            } else if (t.kind() == Token.Kind.WORD && CLAUSES.contains(t.text().toUpperCase(java.util.Locale.ROOT))) {
                inFrom.pop();
                inFrom.push(false);
            } else if (t.isKeyword("OVER") && inFrom.peek() && i > 0) {
                Over over = over(tokens, i);
                found.add(over);
                blank(text, t);
                if (over.name() != null) {
                    blank(text, over.name());
                } else {
                    for (int k = over.open(); k <= over.close(); k++) {
                        blank(text, tokens.get(k));
                    }
                }
            }
        }
        return found;
    }

    /** Whether the FROM at {@code i} is NTH_VALUE's {@code ) FROM FIRST} or {@code ) FROM LAST}, not a FROM clause. */
    private static boolean nthFrom(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).isSymbol(")") && i + 1 < tokens.size()
                && (tokens.get(i + 1).isKeyword("FIRST") || tokens.get(i + 1).isKeyword("LAST"));
    }

    /** Keywords that end a FROM clause at their depth. */
    private static final Set<String> CLAUSES = Set.of("SELECT", "WHERE", "GROUP", "HAVING", "WINDOW", "WINDOWED",
            "ON", "ORDER", "UNION", "USING");

    private static Over over(List<Token> tokens, int i) {
        Token over = tokens.get(i);
        Token before = tokens.get(i - 1);
        Token item;
        if (before.isIdentifier()) {
            int j = i - 1;
            while (j >= 2 && tokens.get(j - 1).isSymbol(".") && tokens.get(j - 2).isIdentifier()) {
                j -= 2;
            }
            item = tokens.get(j);
        } else if (before.isSymbol(")")) {
            int depth = 0;
            int j = i - 1;
            for (; j >= 0; j--) {
                if (tokens.get(j).isSymbol(")")) {
                    depth++;
                } else if (tokens.get(j).isSymbol("(") && --depth == 0) {
                    break;
                }
            }
            item = tokens.get(j + 1);
        } else {
            throw new ParseError(over.pos(), "Expected a stream before OVER, found " + before.describe());
        }
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (next != null && next.isIdentifier() && !next.isKeyword("AS")) {
            return new Over(item, over, -1, -1, next);
        }
        if (next == null || !next.isSymbol("(")) {
            throw new ParseError((next == null ? over : next).pos(), "Expected a window after OVER: (RANGE INTERVAL "
                    + "'n' unit PRECEDING), (ROWS n PRECEDING) or a window name");
        }
        int depth = 0;
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j).isSymbol("(")) {
                depth++;
            } else if (tokens.get(j).isSymbol(")") && --depth == 0) {
                return new Over(item, over, i + 1, j, null);
            }
        }
        throw new ParseError(next.pos(), "The window after OVER has no closing parenthesis");
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
