package io.github.kinesisfanout.sql.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Parses a pump's {@code INSERT INTO ... SELECT STREAM ...} with Calcite's SQL parser.
 *
 * <p>Calcite is given the application code with every character outside the statement replaced by
 * a blank (line breaks kept), then the dialect rewrites applied in place; so every
 * {@code SqlParserPos} Calcite reports is already the line and column in the original code. Words only
 * Calcite reserves are quoted first, also in place ({@link CalciteOnlyWords}).
 */
final class QueryParser {

    /** Identifier rules of reference §4.2: unquoted upper-cased, double-quoted kept as written. */
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.TO_UPPER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(true)
            .withIdentifierMaxLength(128);

    /** Keywords that mark constructs Calcite cannot parse in this dialect's form, and what they are. */
    private static final List<String[]> UNSUPPORTED = List.<String[]>of(
            new String[] {"CURSOR", "table functions (TABLE(... CURSOR(...))) are not supported yet"});

    private static final org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata METADATA =
            SqlParser.create("", CONFIG).getMetadata();

    private QueryParser() {
    }

    /** Whether an unquoted word is reserved (TIMESTAMP, USER, VALUES, YEAR...) and must be quoted as a name. */
    static boolean isReserved(String upperCaseWord) {
        return METADATA.isReservedWord(upperCaseWord) && !CalciteOnlyWords.WORDS.contains(upperCaseWord);
    }

    static Statement.CreatePump parsePump(String original, Token name, boolean orReplace, List<Token> query) {
        Token first = query.get(0);
        Token end = query.get(query.size() - 1);
        char[] quoted = original.toCharArray();
        CalciteOnlyWords words = CalciteOnlyWords.quote(quoted, query);
        String code = new String(quoted);
        char[] text = new char[end.start()];
        for (int i = 0; i < text.length; i++) {
            char c = code.charAt(i);
            text[i] = i >= first.start() || c == '\n' || c == '\r' ? c : ' ';
        }
        List<DialectRewriter.Over> overs = new ArrayList<>();
        Map<SourcePos, String> renamed = new HashMap<>();
        Set<SourcePos> commaSubstrings = DialectRewriter.rewrite(text, query, overs, renamed);
        Map<SourcePos, FromWindow> fromWindows = new HashMap<>();
        Set<SourcePos> windowNames = new java.util.HashSet<>();
        for (DialectRewriter.Over over : overs) {
            FromWindow window;
            if (over.name() != null) {
                window = new FromWindow(over.over().pos(), null, over.name().value(), over.name().pos());
                windowNames.add(over.name().pos());
            } else {
                SqlWindow inline = window(code, query.get(over.open()), query.get(over.close()), words);
                words.rename(inline);
                window = new FromWindow(over.over().pos(), inline, null, null);
            }
            fromWindows.put(over.item().pos(), window);
        }
        SqlNode node;
        try {
            node = SqlParser.create(new String(text), CONFIG).parseStmt();
        } catch (SqlParseException e) {
            for (String[] unsupported : UNSUPPORTED) {
                for (Token t : query) {
                    if (t.isKeyword(unsupported[0])) {
                        throw new ParseError(t.pos(), unsupported[1]);
                    }
                }
            }
            String message = words.restore(syntaxMessage(e), SourcePos.of(e.getPos()));
            if (message.contains("\"<EOF>\"")) {
                // Calcite places the end of input on the last character read; point at the statement's end.
                throw new ParseError(end.pos(), "Syntax error: unexpected end of statement");
            }
            throw new ParseError(SourcePos.of(e.getPos()), message);
        }
        words.rename(node);
        words.checkAllRenamed(windowNames);
        MarkedCalls.restore(node, renamed);
        if (!(node instanceof SqlInsert insert)) {
            throw new ParseError(first.pos(), "Expected INSERT INTO <stream> SELECT STREAM ... in pump " + name.text());
        }
        return new Statement.CreatePump(name.value(), name.pos(), orReplace, insert, Set.copyOf(commaSubstrings),
                Map.copyOf(fromWindows));
    }

    /** Words placed before a FROM item's inline window so that Calcite parses it as the window of a WINDOW clause. */
    private static final String[] WINDOW_PREFIX = {"SELECT", "1", "FROM", "X", "WINDOW", "W", "AS"};

    /**
     * Parses the inline window {@code (...)} between {@code open} and {@code close}: Calcite is given a text of the
     * code's length where everything is blank (line breaks kept) but the window and, in the room before it,
     * {@code SELECT 1 FROM X WINDOW W AS}; so the window's positions are positions in the original code.
     */
    private static SqlWindow window(String code, Token open, Token close, CalciteOnlyWords words) {
        char[] text = new char[close.end()];
        for (int i = 0; i < text.length; i++) {
            char c = code.charAt(i);
            text[i] = i >= open.start() || c == '\n' || c == '\r' ? c : ' ';
        }
        int at = 0;
        for (String word : WINDOW_PREFIX) {
            while (at + word.length() < open.start() && !fits(text, at, word.length())) {
                at++;
            }
            if (at + word.length() >= open.start()) {
                throw new ParseError(open.pos(), "The window after OVER could not be read: write it in a WINDOW "
                        + "clause and name it after OVER");
            }
            word.getChars(0, word.length(), text, at);
            at += word.length() + 1;
        }
        try {
            SqlSelect select = (SqlSelect) SqlParser.create(new String(text), CONFIG).parseQuery();
            return (SqlWindow) select.getWindowList().get(0);
        } catch (SqlParseException e) {
            throw new ParseError(SourcePos.of(e.getPos()), words.restore(syntaxMessage(e), SourcePos.of(e.getPos())));
        }
    }

    /** Whether {@code length} characters from {@code at} are all blanks on one line. */
    private static boolean fits(char[] text, int at, int length) {
        for (int i = at; i < at + length; i++) {
            if (text[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** Calcite's first message line without its own position (positions are reported separately). */
    private static String syntaxMessage(SqlParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int at = message.indexOf(" at line ");
        if (at >= 0) {
            message = message.substring(0, at);
        }
        if (message.endsWith(".")) {
            message = message.substring(0, message.length() - 1);
        }
        return "Syntax error: " + message;
    }
}
