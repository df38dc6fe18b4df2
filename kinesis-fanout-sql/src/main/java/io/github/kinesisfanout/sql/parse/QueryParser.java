package io.github.kinesisfanout.sql.parse;

import java.util.List;
import java.util.Set;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Parses a pump's {@code INSERT INTO ... SELECT STREAM ...} with Calcite's SQL parser.
 *
 * <p>Calcite is given the application code with every character outside the statement replaced by
 * a blank (line breaks kept), then the dialect rewrites applied in place; so every
 * {@code SqlParserPos} Calcite reports is already the line and column in the original code.
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
    private static final List<String[]> UNSUPPORTED = List.of(
            new String[] {"JOIN", "this join is not supported yet: a stream can be joined with a reference table "
                    + "(FROM stream JOIN table ON ...)"},
            new String[] {"CURSOR", "table functions (TABLE(... CURSOR(...))) are not supported yet"});

    private static final org.apache.calcite.sql.parser.SqlAbstractParserImpl.Metadata METADATA =
            SqlParser.create("", CONFIG).getMetadata();

    private QueryParser() {
    }

    /** Whether an unquoted word is reserved (TIMESTAMP, USER, VALUES, YEAR...) and must be quoted as a name. */
    static boolean isReserved(String upperCaseWord) {
        return METADATA.isReservedWord(upperCaseWord);
    }

    static Statement.CreatePump parsePump(String code, Token name, boolean orReplace, List<Token> query) {
        Token first = query.get(0);
        Token end = query.get(query.size() - 1);
        char[] text = new char[end.start()];
        for (int i = 0; i < text.length; i++) {
            char c = code.charAt(i);
            text[i] = i >= first.start() || c == '\n' || c == '\r' ? c : ' ';
        }
        Set<SourcePos> commaSubstrings = DialectRewriter.rewrite(text, query);
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
            String message = syntaxMessage(e);
            if (message.contains("\"<EOF>\"")) {
                // Calcite places the end of input on the last character read; point at the statement's end.
                throw new ParseError(end.pos(), "Syntax error: unexpected end of statement");
            }
            throw new ParseError(SourcePos.of(e.getPos()), message);
        }
        if (!(node instanceof SqlInsert insert)) {
            throw new ParseError(first.pos(), "Expected INSERT INTO <stream> SELECT STREAM ... in pump " + name.text());
        }
        return new Statement.CreatePump(name.value(), name.pos(), orReplace, insert, Set.copyOf(commaSubstrings));
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
