package io.github.kinesisfanout.flink;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at {@code ;}, respecting quotes, backticks and comments, and noting {@code -- KDA line N}. */
public final class StatementSplitter {

    private static final String KDA_LINE = "KDA line ";

    private StatementSplitter() {
    }

    /** The statements of the script, in order; blank and comment-only parts are skipped. */
    public static List<ScriptStatement> split(String script) {
        List<ScriptStatement> statements = new ArrayList<>();
        int line = 1;
        int lineStart = 0;
        int kdaLine = 0;
        int start = -1;
        int startLine = 0;
        int startColumn = 0;
        int startKdaLine = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
                i++;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (start < 0) {
                    int noted = kdaLineOf(script.substring(i + 2, end));
                    if (noted > 0) {
                        kdaLine = noted;
                    }
                }
                i = end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (int j = i; j < end; j++) {
                    if (script.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = end;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == ';') {
                if (start >= 0) {
                    statements.add(new ScriptStatement(script.substring(start, i).trim(), startLine, startColumn,
                            startKdaLine));
                    start = -1;
                }
                i++;
            } else {
                if (start < 0) {
                    start = i;
                    startLine = line;
                    startColumn = i - lineStart + 1;
                    startKdaLine = kdaLine;
                }
                if (c == '\'' || c == '`' || c == '"') {
                    int end = closingQuote(script, i, c);
                    for (int j = i; j < end; j++) {
                        if (script.charAt(j) == '\n') {
                            line++;
                            lineStart = j + 1;
                        }
                    }
                    i = end;
                } else {
                    i++;
                }
            }
        }
        if (start >= 0) {
            statements.add(new ScriptStatement(script.substring(start).trim(), startLine, startColumn, startKdaLine));
        }
        return statements;
    }

    /** The index just past the quote closing the one at {@code open}; a doubled quote stays inside. */
    private static int closingQuote(String script, int open, char quote) {
        int i = open + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    /** N when a comment's text is {@code KDA line N...}, else 0. */
    static int kdaLineOf(String comment) {
        String text = comment.trim();
        if (!text.startsWith(KDA_LINE)) {
            return 0;
        }
        int value = 0;
        int digits = 0;
        for (int i = KDA_LINE.length(); i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            value = value * 10 + (text.charAt(i) - '0');
            digits++;
        }
        return digits == 0 ? 0 : value;
    }
}
