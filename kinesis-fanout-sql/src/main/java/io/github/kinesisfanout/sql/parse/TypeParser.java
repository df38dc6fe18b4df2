package io.github.kinesisfanout.sql.parse;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;

/** Parses a column type ({@code DECIMAL(5,2)}, {@code DOUBLE PRECISION}, {@code CHARACTER VARYING(8)}...) from tokens. */
public final class TypeParser {

    private final List<Token> tokens;
    private int index;

    private TypeParser(List<Token> tokens, int index) {
        this.tokens = tokens;
        this.index = index;
    }

    /** A parsed type and the index of the token after it. */
    public record Parsed(SqlType type, int next) {
    }

    /** Parses a whole type string such as an input schema's {@code SqlType}. */
    public static SqlType parse(String text) {
        List<Token> tokens = Lexer.tokenize(text);
        Parsed parsed = parse(tokens, 0);
        Token after = tokens.get(parsed.next());
        if (after.kind() != Token.Kind.END) {
            throw new ParseError(after.pos(), "Unexpected " + after.describe() + " after type " + parsed.type());
        }
        return parsed.type();
    }

    /** Parses a type starting at {@code index}. */
    public static Parsed parse(List<Token> tokens, int index) {
        TypeParser parser = new TypeParser(tokens, index);
        SqlType type = parser.type();
        return new Parsed(type, parser.index);
    }

    private SqlType type() {
        Token name = tokens.get(index++);
        if (name.kind() != Token.Kind.WORD) {
            throw new ParseError(name.pos(), "Expected a data type, found " + name.describe());
        }
        String word = name.value();
        switch (word) {
            case "TINYINT": return SqlType.TINYINT;
            case "SMALLINT": return SqlType.SMALLINT;
            case "INT", "INTEGER": return SqlType.INTEGER;
            case "BIGINT": return SqlType.BIGINT;
            case "REAL": return SqlType.REAL;
            case "FLOAT": return SqlType.DOUBLE;
            case "DOUBLE":
                if (tokens.get(index).isKeyword("PRECISION")) {
                    index++;
                }
                return SqlType.DOUBLE;
            case "BOOLEAN": return SqlType.BOOLEAN;
            case "DATE": return SqlType.DATE;
            case "TIME": skipPrecision(); return SqlType.TIME;
            case "TIMESTAMP": skipPrecision(); return SqlType.TIMESTAMP;
            case "DECIMAL", "DEC", "NUMERIC": return decimal(name);
            case "CHAR", "CHARACTER":
                if (tokens.get(index).isKeyword("VARYING")) {
                    index++;
                    return sized(name, SqlType.Kind.VARCHAR, -1);
                }
                return sized(name, SqlType.Kind.CHAR, 1);
            case "VARCHAR": return sized(name, SqlType.Kind.VARCHAR, -1);
            case "BINARY":
                if (tokens.get(index).isKeyword("VARYING")) {
                    index++;
                    return sized(name, SqlType.Kind.VARBINARY, -1);
                }
                return sized(name, SqlType.Kind.BINARY, 1);
            case "VARBINARY": return sized(name, SqlType.Kind.VARBINARY, -1);
            case "INTERVAL":
                throw new ParseError(name.pos(), "INTERVAL is not allowed as a column type");
            default:
                throw new ParseError(name.pos(), "Unknown data type " + name.describe());
        }
    }

    private SqlType decimal(Token name) {
        if (!tokens.get(index).isSymbol("(")) {
            return SqlType.decimal(SqlType.MAX_DECIMAL_PRECISION, 0);
        }
        index++;
        int precision = number();
        int scale = 0;
        if (tokens.get(index).isSymbol(",")) {
            index++;
            scale = number();
        }
        expect(")");
        if (precision < 1 || precision > SqlType.MAX_DECIMAL_PRECISION) {
            throw new ParseError(name.pos(), "DECIMAL precision must be between 1 and "
                    + SqlType.MAX_DECIMAL_PRECISION + ", was " + precision);
        }
        if (scale > precision) {
            throw new ParseError(name.pos(), "DECIMAL scale " + scale + " exceeds its precision " + precision);
        }
        return SqlType.decimal(precision, scale);
    }

    private SqlType sized(Token name, SqlType.Kind kind, int defaultLength) {
        int length = defaultLength;
        if (tokens.get(index).isSymbol("(")) {
            index++;
            length = number();
            expect(")");
        } else if (defaultLength < 0) {
            // AWS's own published applications declare a bare VARCHAR: it takes the longest length.
            length = SqlType.MAX_CHAR_LENGTH;
        }
        if (length < 1 || length > SqlType.MAX_CHAR_LENGTH) {
            throw new ParseError(name.pos(), kind + " length must be between 1 and " + SqlType.MAX_CHAR_LENGTH
                    + ", was " + length);
        }
        return new SqlType(kind, length, 0);
    }

    private void skipPrecision() {
        if (tokens.get(index).isSymbol("(")) {
            index++;
            number();
            expect(")");
        }
    }

    private int number() {
        Token t = tokens.get(index++);
        if (t.kind() != Token.Kind.NUMBER) {
            throw new ParseError(t.pos(), "Expected a number, found " + t.describe());
        }
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw new ParseError(t.pos(), "Expected a whole number, found " + t.describe());
        }
    }

    private void expect(String symbol) {
        Token t = tokens.get(index++);
        if (!t.isSymbol(symbol)) {
            throw new ParseError(t.pos(), "Expected \"" + symbol + "\", found " + t.describe());
        }
    }
}
