package io.github.kinesisfanout.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits application code into tokens, skipping whitespace, {@code --} and {@code /* *}{@code /}
 * comments; strings and quoted identifiers may contain {@code ;} and comment markers.
 */
public final class Lexer {

    private final String code;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Lexer(String code) {
        this.code = code;
    }

    /** Tokenizes the whole text; the list ends with an {@link Token.Kind#END} token. */
    public static List<Token> tokenize(String code) {
        return new Lexer(code).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= code.length()) {
                tokens.add(new Token(Token.Kind.END, "", "", pos, pos, line, pos - lineStart + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipBlanksAndComments() {
        while (pos < code.length()) {
            char c = code.charAt(pos);
            if (c == '\n') {
                pos++;
                newLine();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                while (pos < code.length() && code.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peek(1) == '*') {
                SourcePos at = here();
                pos += 2;
                while (pos < code.length() && !(code.charAt(pos) == '*' && peek(1) == '/')) {
                    if (code.charAt(pos++) == '\n') {
                        newLine();
                    }
                }
                if (pos >= code.length()) {
                    throw new ParseError(at, "Unterminated comment");
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        int column = pos - lineStart + 1;
        int startLine = line;
        char c = code.charAt(pos);
        if (c == '\'') {
            String value = quoted('\'', "Unterminated string literal");
            return new Token(Token.Kind.STRING, code.substring(start, pos), value, start, pos, startLine, column);
        }
        if (c == '"') {
            String value = quoted('"', "Unterminated quoted identifier");
            return new Token(Token.Kind.QUOTED_IDENTIFIER, code.substring(start, pos), value, start, pos, startLine,
                    column);
        }
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < code.length() && isWordPart(code.charAt(pos))) {
                pos++;
            }
            String text = code.substring(start, pos);
            return new Token(Token.Kind.WORD, text, text.toUpperCase(Locale.ROOT), start, pos, startLine, column);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            while (pos < code.length() && (Character.isLetterOrDigit(code.charAt(pos)) || code.charAt(pos) == '.')) {
                pos++;
            }
            String text = code.substring(start, pos);
            return new Token(Token.Kind.NUMBER, text, text, start, pos, startLine, column);
        }
        pos++;
        if ((c == '|' && peek(0) == '|') || (c == '<' && (peek(0) == '>' || peek(0) == '='))
                || (c == '>' && peek(0) == '=') || (c == '!' && peek(0) == '=')) {
            pos++;
        }
        String text = code.substring(start, pos);
        return new Token(Token.Kind.SYMBOL, text, text, start, pos, startLine, column);
    }

    private String quoted(char quote, String unterminated) {
        SourcePos at = here();
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= code.length()) {
                throw new ParseError(at, unterminated);
            }
            char c = code.charAt(pos++);
            if (c == quote) {
                if (peek(0) == quote) {
                    value.append(quote);
                    pos++;
                    continue;
                }
                return value.toString();
            }
            if (c == '\n') {
                newLine();
            }
            value.append(c);
        }
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < code.length() ? code.charAt(i) : '\0';
    }

    private void newLine() {
        line++;
        lineStart = pos;
    }

    private SourcePos here() {
        return new SourcePos(line, pos - lineStart + 1);
    }
}
