package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.Lexer;
import io.github.kinesisfanout.sql.parse.ParseError;
import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.parse.Token;
import io.github.kinesisfanout.sql.parse.TypeParser;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/**
 * Types the log parsing functions (reference §4.7) REGEX_LOG_PARSE, FAST_REGEX_LOG_PARSE, VARIABLE_COLUMN_LOG_PARSE,
 * FIXED_COLUMN_LOG_PARSE, SYS_LOG_PARSE and W3C_LOG_PARSE: a ROW whose fields are read as {@code alias.COLUMN1} or {@code (f(...)).COLUMN1}.
 * Patterns and column lists must be literals, so that the row type is known when the code is compiled.
 */
final class LogParseAnalyzer {

    /** The default field type of REGEX_LOG_PARSE and of VARIABLE_COLUMN_LOG_PARSE with a column count. */
    static final SqlType DEFAULT_FIELD = SqlType.varchar(1024);

    private final ExprAnalyzer exprs;

    LogParseAnalyzer(ExprAnalyzer exprs) {
        this.exprs = exprs;
    }

    Expr analyze(String name, SqlCall call) {
        return switch (name) {
            case "REGEX_LOG_PARSE" -> regex(call);
            case "VARIABLE_COLUMN_LOG_PARSE" -> variable(call);
            case "FIXED_COLUMN_LOG_PARSE" -> fixed(call);
            case "SYS_LOG_PARSE" -> syslog(call);
            case "FAST_REGEX_LOG_PARSE", "FAST_REGEX_LOG_PARSER" -> fastRegex(call);
            case "W3C_LOG_PARSE" -> w3c(call);
            default -> throw new IllegalStateException(name);
        };
    }

    private Expr regex(SqlCall call) {
        arity(call, 2, 3);
        Expr input = string(call, 0);
        SqlNode regexNode = call.operand(1);
        Pattern pattern;
        try {
            pattern = Pattern.compile(literal(call, 1));
        } catch (PatternSyntaxException e) {
            throw new SemanticError(ExprAnalyzer.pos(regexNode), "Invalid REGEX_LOG_PARSE pattern: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        int groups = pattern.matcher("").groupCount();
        if (groups == 0) {
            throw new SemanticError(ExprAnalyzer.pos(regexNode), "REGEX_LOG_PARSE pattern has no group: "
                    + "each group (...) gives one column");
        }
        List<SqlType.Field> fields;
        if (call.getOperandList().size() == 3) {
            fields = columns(call, 2, false);
            if (fields.size() != groups) {
                throw new SemanticError(ExprAnalyzer.pos(call.operand(2)), "REGEX_LOG_PARSE names " + fields.size()
                        + " column" + (fields.size() == 1 ? "" : "s") + " but its pattern has " + groups + " group"
                        + (groups == 1 ? "" : "s"));
            }
        } else {
            fields = defaults(groups);
        }
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(fields), List.of(input), new LogFormat.Regex(pattern));
    }

    /** FAST_REGEX_LOG_PARSE(s, pattern): COLUMN1..n VARCHAR(1024), one per group. */
    private Expr fastRegex(SqlCall call) {
        arity(call, 2, 2);
        Expr input = string(call, 0);
        String pattern = literal(call, 1);
        FastRegex.LogFormatParts parts;
        try {
            parts = FastRegex.compile(pattern);
        } catch (PatternError e) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(1)), "FAST_REGEX_LOG_PARSE pattern at character "
                    + (e.at + 1) + ": " + e.getMessage());
        }
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(defaults(parts.groups())), List.of(input),
                new LogFormat.FastRegex(parts.searches(), parts.groups()));
    }

    /** W3C_LOG_PARSE(s, format): COLUMN1..n, one per format specifier (types in the module README). */
    private Expr w3c(SqlCall call) {
        arity(call, 2, 2);
        Expr input = string(call, 0);
        W3cFormat.Compiled format;
        try {
            format = W3cFormat.compile(literal(call, 1));
        } catch (PatternError e) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(1)), "Invalid W3C_LOG_PARSE format: " + e.getMessage());
        }
        List<SqlType.Field> fields = new ArrayList<>();
        for (SqlType type : format.types()) {
            fields.add(new SqlType.Field("COLUMN" + (fields.size() + 1), type));
        }
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(fields), List.of(input), new LogFormat.W3c(format.pattern()));
    }

    /** SYS_LOG_PARSE(s): {@code Mon DD HH:MM:SS text} into COLUMN1 TIMESTAMP and COLUMN2 VARCHAR (the text). */
    private Expr syslog(SqlCall call) {
        arity(call, 1, 1);
        Expr input = string(call, 0);
        List<SqlType.Field> fields = List.of(new SqlType.Field("COLUMN1", SqlType.TIMESTAMP),
                new SqlType.Field("COLUMN2", SqlType.varchar(SqlType.MAX_CHAR_LENGTH)));
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(fields), List.of(input), new LogFormat.Syslog());
    }

    private Expr variable(SqlCall call) {
        arity(call, 3, 5);
        Expr input = string(call, 0);
        SqlNode columns = call.operand(1);
        List<SqlType.Field> fields;
        if (columns instanceof SqlLiteral literal && literal.getValue() instanceof java.math.BigDecimal count) {
            int n = count.intValue();
            if (count.scale() > 0 || n < 1 || n > 1000) {
                throw new SemanticError(ExprAnalyzer.pos(columns), "VARIABLE_COLUMN_LOG_PARSE column count must be "
                        + "an integer from 1 to 1000, not " + count);
            }
            fields = defaults(n);
        } else {
            fields = columns(call, 1, true);
        }
        String delimiter = literal(call, 2);
        if (delimiter.isEmpty()) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(2)), "VARIABLE_COLUMN_LOG_PARSE delimiter must not "
                    + "be empty");
        }
        String escape = call.getOperandList().size() > 3 ? literal(call, 3) : "";
        if (escape.length() > 1) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(3)), "VARIABLE_COLUMN_LOG_PARSE escape string must "
                    + "be one character, or '' for none");
        }
        String quote = call.getOperandList().size() > 4 ? literal(call, 4) : "";
        if (quote.length() > 2) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(4)), "VARIABLE_COLUMN_LOG_PARSE quote string must "
                    + "be one character (begin and end quote) or two (begin quote, end quote), or '' for none");
        }
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(fields), List.of(input),
                new LogFormat.Delimited(delimiter, escape, quote));
    }

    private Expr fixed(SqlCall call) {
        arity(call, 2, 2);
        Expr input = string(call, 0);
        SqlNode specNode = call.operand(1);
        List<Token> tokens = tokens(specNode, literal(call, 1));
        List<SqlType.Field> fields = new ArrayList<>();
        List<LogFormat.FixedColumn> columns = new ArrayList<>();
        int[] at = {0};
        do {
            SqlType.Field field = field(specNode, tokens, at, true);
            int start = number(specNode, tokens, at, "START");
            int length = -1;
            if (tokens.get(at[0]).isKeyword("FOR")) {
                length = number(specNode, tokens, at, "FOR");
                if (length < 1) {
                    throw specError(specNode, tokens.get(at[0] - 1), "FOR length must be at least 1");
                }
            }
            fields.add(field);
            columns.add(new LogFormat.FixedColumn(start, length));
        } while (comma(tokens, at));
        end(specNode, tokens, at[0]);
        unique(specNode, fields);
        return new Expr.Call(Op.LOG_PARSE, SqlType.row(fields), List.of(input), new LogFormat.Fixed(columns));
    }

    private static int number(SqlNode specNode, List<Token> tokens, int[] at, String keyword) {
        Token k = tokens.get(at[0]);
        if (!k.isKeyword(keyword)) {
            throw specError(specNode, k, "expected " + keyword + ", found " + k.describe());
        }
        Token n = tokens.get(++at[0]);
        if (n.kind() != Token.Kind.NUMBER || !n.text().chars().allMatch(Character::isDigit)) {
            throw specError(specNode, n, keyword + " needs a whole number, found " + n.describe());
        }
        at[0]++;
        return Integer.parseInt(n.text());
    }

    private static List<SqlType.Field> defaults(int n) {
        List<SqlType.Field> fields = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            fields.add(new SqlType.Field("COLUMN" + i, DEFAULT_FIELD));
        }
        return fields;
    }

    /** A column list {@code 'name [TYPE] type [NOT NULL], ...'} ({@code TYPE} required when {@code typeKeyword}). */
    private List<SqlType.Field> columns(SqlCall call, int index, boolean typeKeyword) {
        SqlNode node = call.operand(index);
        List<Token> tokens = tokens(node, literal(call, index));
        List<SqlType.Field> fields = new ArrayList<>();
        int[] at = {0};
        do {
            fields.add(field(node, tokens, at, typeKeyword));
        } while (comma(tokens, at));
        end(node, tokens, at[0]);
        unique(node, fields);
        return fields;
    }

    private static SqlType.Field field(SqlNode node, List<Token> tokens, int[] at, boolean typeKeyword) {
        Token name = tokens.get(at[0]);
        if (!name.isIdentifier()) {
            throw specError(node, name, "expected a column name, found " + name.describe());
        }
        at[0]++;
        if (tokens.get(at[0]).isKeyword("TYPE")) {
            at[0]++;
        } else if (typeKeyword) {
            throw specError(node, tokens.get(at[0]), "expected TYPE after column " + name.value() + ", found "
                    + tokens.get(at[0]).describe());
        }
        TypeParser.Parsed type;
        try {
            type = TypeParser.parse(tokens, at[0]);
        } catch (ParseError e) {
            throw specError(node, tokens.get(at[0]), e.getMessage());
        }
        at[0] = type.next();
        if (tokens.get(at[0]).isKeyword("NOT") && tokens.get(at[0] + 1).isKeyword("NULL")) {
            at[0] += 2;
        }
        String fieldName = name.kind() == Token.Kind.QUOTED_IDENTIFIER ? name.value() : name.text().toUpperCase(java.util.Locale.ROOT);
        return new SqlType.Field(fieldName, type.type());
    }

    private static boolean comma(List<Token> tokens, int[] at) {
        if (tokens.get(at[0]).isSymbol(",")) {
            at[0]++;
            return true;
        }
        return false;
    }

    private static void end(SqlNode node, List<Token> tokens, int at) {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) {
            throw specError(node, t, "unexpected " + t.describe());
        }
    }

    private static void unique(SqlNode node, List<SqlType.Field> fields) {
        Set<String> seen = new HashSet<>();
        for (SqlType.Field f : fields) {
            if (!seen.add(f.name())) {
                throw new SemanticError(ExprAnalyzer.pos(node), "Column " + f.name() + " appears twice in the column list");
            }
        }
    }

    private static List<Token> tokens(SqlNode node, String text) {
        try {
            return Lexer.tokenize(text);
        } catch (ParseError e) {
            throw new SemanticError(ExprAnalyzer.pos(node), "Invalid column list: " + e.getMessage());
        }
    }

    private static SemanticError specError(SqlNode node, Token at, String message) {
        return new SemanticError(ExprAnalyzer.pos(node), "Invalid column list at character " + (at.start() + 1) + ": "
                + message);
    }

    private Expr string(SqlCall call, int index) {
        Expr e = exprs.analyze(call.operand(index));
        if (!e.type().isCharacter() && !e.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(index)), call.getOperator().getName()
                    + " expects a character argument, not " + e.type());
        }
        return e;
    }

    private static String literal(SqlCall call, int index) {
        SqlNode node = call.operand(index);
        if (node instanceof SqlLiteral literal && literal.getValue() instanceof org.apache.calcite.util.NlsString s) {
            return s.getValue();
        }
        throw new SemanticError(ExprAnalyzer.pos(node), call.getOperator().getName() + " argument " + (index + 1)
                + " must be a character literal");
    }

    private static void arity(SqlCall call, int min, int max) {
        int n = call.getOperandList().size();
        if (n < min || n > max) {
            SourcePos pos = ExprAnalyzer.pos(call);
            throw new SemanticError(pos, call.getOperator().getName() + " expects "
                    + (min == max ? String.valueOf(min) : min + " to " + max) + " arguments, got " + n);
        }
    }
}
