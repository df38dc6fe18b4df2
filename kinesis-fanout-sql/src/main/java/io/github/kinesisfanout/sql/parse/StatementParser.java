package io.github.kinesisfanout.sql.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The envelope parser: splits application code into statements at {@code ;} tokens and parses
 * {@code CREATE STREAM} itself, handing the {@code INSERT ... SELECT STREAM} of a pump to Calcite.
 */
public final class StatementParser {

    private static final int MAX_IDENTIFIER_LENGTH = 128;

    private StatementParser() {
    }

    /** Parses application code; a statement with a syntax error is reported and skipped. */
    public static ParsedApplication parse(String code) {
        List<Statement> statements = new ArrayList<>();
        List<ParseError> errors = new ArrayList<>();
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(code);
        } catch (ParseError e) {
            return new ParsedApplication(List.of(), List.of(e));
        }
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isSymbol(";") || t.kind() == Token.Kind.END) {
                if (i > start) {
                    List<Token> body = new ArrayList<>(tokens.subList(start, i));
                    body.add(new Token(Token.Kind.END, "", "", t.start(), t.start(), t.line(), t.column()));
                    try {
                        statements.add(new StatementParser.One(code, body).statement());
                    } catch (ParseError e) {
                        errors.add(e);
                    }
                }
                start = i + 1;
            }
        }
        return new ParsedApplication(statements, errors);
    }

    /** Parses one statement's tokens (ending with an END token). */
    private static final class One {
        private final String code;
        private final List<Token> tokens;
        private int index;

        One(String code, List<Token> tokens) {
            this.code = code;
            this.tokens = tokens;
        }

        Statement statement() {
            Token first = tokens.get(0);
            if (first.isKeyword("SELECT") || first.isKeyword("INSERT")) {
                throw new ParseError(first.pos(), "A " + first.value() + " can only run inside a pump: "
                        + "CREATE PUMP <name> AS INSERT INTO <stream> SELECT STREAM ...");
            }
            if (!first.isKeyword("CREATE")) {
                throw new ParseError(first.pos(), "Expected CREATE STREAM or CREATE PUMP, found " + first.describe());
            }
            index = 1;
            boolean orReplace = false;
            if (peek().isKeyword("OR")) {
                index++;
                expectKeyword("REPLACE");
                orReplace = true;
            }
            Token what = next();
            if (what.isKeyword("STREAM")) {
                return createStream(orReplace);
            }
            if (what.isKeyword("PUMP")) {
                return createPump(orReplace);
            }
            String found = what.kind() == Token.Kind.WORD ? "CREATE " + what.value() : what.describe();
            throw new ParseError(what.pos(), found + " is not supported: application code creates streams "
                    + "(CREATE STREAM) and pumps (CREATE PUMP)");
        }

        private Statement createStream(boolean orReplace) {
            Token name = identifier("a stream name");
            expectSymbol("(");
            List<Statement.ColumnSpec> columns = new ArrayList<>();
            do {
                Token column = identifier("a column name");
                TypeParser.Parsed type = TypeParser.parse(tokens, index);
                index = type.next();
                boolean notNull = false;
                if (peek().isKeyword("NOT")) {
                    index++;
                    expectKeyword("NULL");
                    notNull = true;
                } else if (peek().isKeyword("NULL")) {
                    index++;
                }
                columns.add(new Statement.ColumnSpec(column.value(), type.type(), notNull, column.pos()));
            } while (acceptSymbol(","));
            expectSymbol(")");
            String description = null;
            if (peek().isKeyword("DESCRIPTION")) {
                index++;
                Token text = next();
                if (text.kind() != Token.Kind.STRING) {
                    throw new ParseError(text.pos(), "Expected a string after DESCRIPTION, found " + text.describe());
                }
                description = text.value();
            }
            expectEnd();
            return new Statement.CreateStream(name.value(), name.pos(), orReplace, columns, description);
        }

        private Statement createPump(boolean orReplace) {
            Token name = identifier("a pump name");
            expectKeyword("AS");
            Token insert = peek();
            if (!insert.isKeyword("INSERT")) {
                throw new ParseError(insert.pos(), "Expected INSERT INTO after CREATE PUMP " + name.text()
                        + " AS, found " + insert.describe());
            }
            List<Token> query = tokens.subList(index, tokens.size());
            return QueryParser.parsePump(code, name, orReplace, query);
        }

        /** A name (reference 4.2): at most 128 characters; a reserved word only when quoted. */
        private Token identifier(String what) {
            Token t = next();
            if (!t.isIdentifier()) {
                throw new ParseError(t.pos(), "Expected " + what + ", found " + t.describe());
            }
            if (t.value().length() > MAX_IDENTIFIER_LENGTH) {
                throw new ParseError(t.pos(), "Identifier " + t.describe() + " is longer than " + MAX_IDENTIFIER_LENGTH
                        + " characters");
            }
            if (t.kind() == Token.Kind.WORD && QueryParser.isReserved(t.value())) {
                throw new ParseError(t.pos(), "'" + t.value() + "' is a reserved word: quote it (\"" + t.value()
                        + "\") to use it as a name");
            }
            return t;
        }

        private void expectKeyword(String keyword) {
            Token t = next();
            if (!t.isKeyword(keyword)) {
                throw new ParseError(t.pos(), "Expected " + keyword + ", found " + t.describe());
            }
        }

        private void expectSymbol(String symbol) {
            Token t = next();
            if (!t.isSymbol(symbol)) {
                throw new ParseError(t.pos(), "Expected \"" + symbol + "\", found " + t.describe());
            }
        }

        private boolean acceptSymbol(String symbol) {
            if (peek().isSymbol(symbol)) {
                index++;
                return true;
            }
            return false;
        }

        private void expectEnd() {
            Token t = peek();
            if (t.kind() != Token.Kind.END) {
                throw new ParseError(t.pos(), "Unexpected " + t.describe() + " (missing \";\"?)");
            }
        }

        private Token peek() {
            return tokens.get(index);
        }

        private Token next() {
            Token t = tokens.get(index);
            if (t.kind() != Token.Kind.END) {
                index++;
            }
            return t;
        }
    }
}
