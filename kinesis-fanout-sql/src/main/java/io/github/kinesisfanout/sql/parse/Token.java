package io.github.kinesisfanout.sql.parse;

/**
 * One lexical token of application code, with where it starts.
 *
 * @param kind what the token is
 * @param text the source text of the token
 * @param value identifiers: the name as stored (unquoted upper-cased, quoted unescaped); strings:
 *     the unescaped content; otherwise the text
 * @param start offset of the first character
 * @param end offset just after the last character
 * @param line 1-based line
 * @param column 1-based column
 */
public record Token(Kind kind, String text, String value, int start, int end, int line, int column) {

    /** Token kinds. */
    public enum Kind { WORD, QUOTED_IDENTIFIER, STRING, NUMBER, SYMBOL, END }

    /** True for an unquoted word equal to {@code keyword} (case-insensitive). */
    public boolean isKeyword(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    public SourcePos pos() {
        return new SourcePos(line, column);
    }

    /** How the token is shown in a message. */
    public String describe() {
        return kind == Kind.END ? "end of statement" : "\"" + text + "\"";
    }
}
