package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

/** Resolves and types named functions (reference §4.7); unknown names get a "did you mean". */
final class FunctionAnalyzer {

    /** Every function name the engine knows, for "did you mean" hints. */
    static final Set<String> KNOWN = Set.of("CHAR_LENGTH", "CHARACTER_LENGTH", "UPPER", "LOWER", "INITCAP",
            "POSITION", "OVERLAY", "TRIM", "SUBSTRING", "REGEX_REPLACE", "ABS", "CEIL", "CEILING", "FLOOR", "EXP",
            "LN", "LOG10", "MOD", "POWER", "STEP", "EXTRACT", "TSDIFF", "CHAR_TO_TIMESTAMP", "CHAR_TO_DATE",
            "CHAR_TO_TIME", "TIMESTAMP_TO_CHAR", "DATE_TO_CHAR", "TIME_TO_CHAR", "TO_TIMESTAMP", "UNIX_TIMESTAMP",
            "COALESCE", "NULLIF", "CAST", "CURRENT_ROW_TIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE",
            "CURRENT_TIME", "LOCALTIME", "LOCALTIMESTAMP", "REGEX_LOG_PARSE", "VARIABLE_COLUMN_LOG_PARSE",
            "FIXED_COLUMN_LOG_PARSE", "SYS_LOG_PARSE", "FAST_REGEX_LOG_PARSE", "FAST_REGEX_LOG_PARSER", "W3C_LOG_PARSE");

    /** Analytic functions of the dialect the engine computes over a sliding window (OVER). */
    private static final Set<String> ANALYTIC = Set.of("FIRST_VALUE", "LAST_VALUE", "VAR_POP", "VAR_SAMP",
            "STDDEV_POP", "STDDEV_SAMP", "LAG", "NTH_VALUE", "EXP_AVG", "NTH_VALUE FROM LAST");

    /** Documented functions of the dialect the engine does not run yet. */
    private static final Set<String> NOT_YET = Set.of(
            "TOP_K_ITEMS_TUMBLING", "COUNT_DISTINCT_ITEMS_TUMBLING", "GROUP_RANK", "RANDOM_CUT_FOREST",
            "RANDOM_CUT_FOREST_WITH_EXPLANATION", "HOTSPOTS");

    private final ExprAnalyzer exprs;
    private final Scope scope;

    FunctionAnalyzer(ExprAnalyzer exprs, Scope scope) {
        this.exprs = exprs;
        this.scope = scope;
    }

    Expr function(SqlCall call) {
        String name = call.getOperator().getName().toUpperCase(java.util.Locale.ROOT);
        SourcePos pos = ExprAnalyzer.pos(call);
        if (Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "ANY", "EVERY").contains(name)) {
            throw new SemanticError(pos, "Aggregate " + name + " needs a window: GROUP BY STEP(ROWTIME BY INTERVAL ...) "
                    + "or FLOOR(ROWTIME TO unit), or OVER (...) for a sliding window");
        }
        if (name.equals("IGNORE NULLS") || name.equals("RESPECT NULLS")) {
            throw new SemanticError(pos, name + " needs a sliding window: FIRST_VALUE, LAST_VALUE, LAG or NTH_VALUE "
                    + "(...) " + name + " OVER (...)");
        }
        if (ANALYTIC.contains(name)) {
            name = name.equals("NTH_VALUE FROM LAST") ? "NTH_VALUE" : name;
            throw new SemanticError(pos, name + " needs a sliding window: " + name + "(...) OVER (PARTITION BY ... "
                    + "RANGE INTERVAL ... PRECEDING) or OVER w with WINDOW w AS (...)");
        }
        if (NOT_YET.contains(name)) {
            throw new SemanticError(pos, "function " + name + " is not supported yet");
        }
        List<SqlNode> operands = call.getOperandList();
        switch (name) {
            case "CHAR_LENGTH", "CHARACTER_LENGTH":
                return new Expr.Call(Op.CHAR_LENGTH, SqlType.INTEGER, List.of(chars(call, 0, 1)));
            case "UPPER", "LOWER", "INITCAP": {
                Expr s = chars(call, 0, 1);
                return new Expr.Call(Op.valueOf(name), varchar(s), List.of(s));
            }
            case "POSITION": {
                List<Expr> args = new ArrayList<>(List.of(chars(call, 0, -1), chars(call, 1, -1)));
                if (operands.size() > 2) {
                    args.add(integer(call, 2));
                }
                return new Expr.Call(Op.POSITION, SqlType.INTEGER, args);
            }
            case "OVERLAY": {
                Expr s = chars(call, 0, -1);
                Expr r = chars(call, 1, -1);
                List<Expr> args = new ArrayList<>(List.of(s, r, integer(call, 2)));
                if (operands.size() > 3) {
                    args.add(integer(call, 3));
                }
                return new Expr.Call(Op.OVERLAY, SqlType.varchar(Math.min(SqlType.VARCHAR_MAX.precision(),
                        s.type().precision() + r.type().precision())), args);
            }
            case "TRIM": {
                String mode = ((SqlLiteral) operands.get(0)).getValueAs(Enum.class).name();
                Expr s = chars(call, 2, -1);
                return new Expr.Call(Op.TRIM, varchar(s), List.of(chars(call, 1, -1), s), mode);
            }
            case "SUBSTRING":
                return substring(call);
            case "REGEX_LOG_PARSE", "VARIABLE_COLUMN_LOG_PARSE", "FIXED_COLUMN_LOG_PARSE", "SYS_LOG_PARSE",
                    "FAST_REGEX_LOG_PARSE", "FAST_REGEX_LOG_PARSER", "W3C_LOG_PARSE":
                return new LogParseAnalyzer(exprs).analyze(name, call);
            case "MONOTONIC":
                // A declaration for the planner (reference MONOTONIC): its value is its argument's.
                arity(call, 1, 1);
                return exprs.analyze(operands.get(0));
            case "COALESCE":
                return exprs.coalesce(call);
            case "NULLIF":
                arity(call, 2, 2);
                return exprs.nullif(call);
            case "REGEX_REPLACE": {
                arity(call, 3, 5);
                List<Expr> args = new ArrayList<>(List.of(chars(call, 0, -1), chars(call, 1, -1), chars(call, 2, -1)));
                for (int i = 3; i < operands.size(); i++) {
                    args.add(integer(call, i));
                }
                return new Expr.Call(Op.REGEX_REPLACE, SqlType.VARCHAR_MAX, args);
            }
            case "ABS": {
                Expr n = numeric(call, 0, 1);
                return new Expr.Call(Op.ABS, n.type(), List.of(n));
            }
            case "CEIL", "CEILING", "FLOOR":
                return floorCeil(call, name.equals("FLOOR"));
            case "EXP", "LN", "LOG10":
                return new Expr.Call(Op.valueOf(name), SqlType.DOUBLE, List.of(numeric(call, 0, 1)));
            case "POWER":
                arity(call, 2, 2);
                return new Expr.Call(Op.POWER, SqlType.DOUBLE, List.of(numeric(call, 0, 2), numeric(call, 1, 2)));
            case "MOD": {
                arity(call, 2, 2);
                return Arithmetic.binary(Op.MOD, call, numeric(call, 0, 2), numeric(call, 1, 2));
            }
            case "STEP":
                return step(call);
            case "EXTRACT":
                return extract(call);
            case "TSDIFF": {
                arity(call, 2, 2);
                return new Expr.Call(Op.TSDIFF, SqlType.BIGINT, List.of(timeOrMillis(call, 0), timeOrMillis(call, 1)));
            }
            case "CHAR_TO_TIMESTAMP", "CHAR_TO_DATE", "CHAR_TO_TIME": {
                arity(call, 2, 2);
                SqlType type = name.equals("CHAR_TO_DATE") ? SqlType.DATE
                        : name.equals("CHAR_TO_TIME") ? SqlType.TIME : SqlType.TIMESTAMP;
                return new Expr.Call(Op.valueOf(name), type, List.of(chars(call, 0, 2), chars(call, 1, 2)));
            }
            case "TIMESTAMP_TO_CHAR", "DATE_TO_CHAR", "TIME_TO_CHAR": {
                arity(call, 2, 2);
                SqlType.Kind kind = name.startsWith("DATE") ? SqlType.Kind.DATE
                        : name.startsWith("TIME_") ? SqlType.Kind.TIME : SqlType.Kind.TIMESTAMP;
                Expr value = exprs.analyze(operands.get(1));
                if (value.type().kind() != kind && !value.type().isNull()) {
                    throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), name + " expects a " + kind
                            + " argument, not " + value.type());
                }
                return new Expr.Call(Op.valueOf(name), SqlType.VARCHAR_MAX, List.of(chars(call, 0, 2), value));
            }
            case "TO_TIMESTAMP": {
                Expr n = numeric(call, 0, 1);
                if (!n.type().isIntegral() && !n.type().isNull()) {
                    throw new SemanticError(ExprAnalyzer.pos(call), "TO_TIMESTAMP expects epoch milliseconds (BIGINT), not "
                            + n.type());
                }
                return new Expr.Call(Op.TO_TIMESTAMP, SqlType.TIMESTAMP, List.of(n));
            }
            case "UNIX_TIMESTAMP":
                return new Expr.Call(Op.UNIX_TIMESTAMP, SqlType.BIGINT, List.of(timestamp(call, 0, 1)));
            case "CURRENT_ROW_TIMESTAMP", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME",
                    "LOCALTIME":
                arity(call, 0, 0);
                return exprs.analyze(new org.apache.calcite.sql.SqlIdentifier(name, call.getParserPosition()));
            default:
                throw new SemanticError(pos, "Function '" + name + "' not found" + Suggestions.hint(name, KNOWN, "'"));
        }
    }

    private Expr substring(SqlCall call) {
        arity(call, 2, 3);
        List<SqlNode> operands = call.getOperandList();
        Expr s = chars(call, 0, -1);
        Expr second = exprs.analyze(operands.get(1));
        SqlType result = varchar(s);
        if (second.type().isCharacter()) {
            if (operands.size() == 2) {
                return new Expr.Call(Op.SUBSTRING_REGEX, result, List.of(s, second));
            }
            return new Expr.Call(Op.SUBSTRING_SIMILAR, result, List.of(s, second, chars(call, 2, -1)));
        }
        List<Expr> args = new ArrayList<>(List.of(s, integer(call, 1)));
        if (operands.size() == 3) {
            args.add(integer(call, 2));
        }
        boolean comma = scope.commaSubstrings().contains(ExprAnalyzer.pos(call));
        return new Expr.Call(comma ? Op.SUBSTRING_COMMA : Op.SUBSTRING, result, args);
    }

    private Expr floorCeil(SqlCall call, boolean floor) {
        List<SqlNode> operands = call.getOperandList();
        if (operands.size() == 2) {
            Expr value = exprs.analyze(operands.get(0));
            boolean interval = value.type().kind() == SqlType.Kind.INTERVAL;
            if (!value.type().isDatetime() && !interval) {
                throw new SemanticError(ExprAnalyzer.pos(call), (floor ? "FLOOR" : "CEIL")
                        + "(... TO unit) expects a datetime or a day-time interval, not " + value.type());
            }
            String unit = ((SqlIntervalQualifier) operands.get(1)).getStartUnit().name();
            if (interval && !Set.of("DAY", "HOUR", "MINUTE", "SECOND").contains(unit)) {
                throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), "A day-time interval rounds to DAY, HOUR, "
                        + "MINUTE or SECOND, not " + unit);
            }
            if (!Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(unit)) {
                throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), "Unit " + unit + " is not supported: use "
                        + "YEAR, MONTH, DAY, HOUR, MINUTE or SECOND");
            }
            return new Expr.Call(floor ? Op.FLOOR_TIME : Op.CEIL_TIME, value.type(), List.of(value), unit);
        }
        Expr n = numeric(call, 0, 1);
        SqlType type = n.type();
        if (type.kind() == SqlType.Kind.DECIMAL) {
            type = SqlType.decimal(Math.max(1, Math.min(SqlType.MAX_DECIMAL_PRECISION, type.precision() - type.scale() + 1)), 0);
        }
        return new Expr.Call(floor ? Op.FLOOR : Op.CEIL, type, List.of(n));
    }

    private Expr step(SqlCall call) {
        arity(call, 2, 2);
        Expr value = exprs.analyze(call.operand(0));
        Expr by = exprs.analyze(call.operand(1));
        if (value.type().isDatetime() && by.type().kind() == SqlType.Kind.INTERVAL) {
            return new Expr.Call(Op.STEP_TIME, value.type(), List.of(value, by));
        }
        if (value.type().isExact() && by.type().isExact()) {
            return new Expr.Call(Op.STEP, value.type(), List.of(value, by));
        }
        throw new SemanticError(ExprAnalyzer.pos(call), "STEP expects (datetime BY INTERVAL ...) or (number BY number), "
                + "not (" + value.type() + " BY " + by.type() + ")");
    }

    private Expr extract(SqlCall call) {
        String unit = ((SqlIntervalQualifier) call.operand(0)).getStartUnit().name();
        Expr value = exprs.analyze(call.operand(1));
        if (!Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND").contains(unit)) {
            throw new SemanticError(ExprAnalyzer.pos(call.operand(0)), "EXTRACT of " + unit + " is not supported: use "
                    + "YEAR, MONTH, DAY, HOUR, MINUTE or SECOND");
        }
        if (!value.type().isDatetime() && value.type().kind() != SqlType.Kind.INTERVAL && !value.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(call), "EXTRACT expects a datetime or an interval, not " + value.type());
        }
        return new Expr.Call(Op.EXTRACT, SqlType.BIGINT, List.of(value), unit);
    }

    private static SqlType varchar(Expr s) {
        return SqlType.varchar(Math.max(1, s.type().precision()));
    }

    private void arity(SqlCall call, int min, int max) {
        int n = call.getOperandList().size();
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min) : min + " to " + max;
            throw new SemanticError(ExprAnalyzer.pos(call), call.getOperator().getName() + " expects " + expected
                    + " argument" + (max == 1 ? "" : "s") + ", got " + n);
        }
    }

    private Expr operand(SqlCall call, int index, int arity) {
        if (arity >= 0) {
            arity(call, arity, arity);
        }
        return exprs.analyze(call.getOperandList().get(index));
    }

    private Expr chars(SqlCall call, int index, int arity) {
        Expr e = operand(call, index, arity);
        return expect(call, index, e, e.type().isCharacter(), "a character");
    }

    private Expr numeric(SqlCall call, int index, int arity) {
        Expr e = operand(call, index, arity);
        return expect(call, index, e, e.type().isNumeric(), "a numeric");
    }

    private Expr integer(SqlCall call, int index) {
        Expr e = operand(call, index, -1);
        return expect(call, index, e, e.type().isIntegral(), "an integer");
    }

    private Expr timestamp(SqlCall call, int index, int arity) {
        Expr e = operand(call, index, arity);
        return expect(call, index, e, e.type().kind() == SqlType.Kind.TIMESTAMP, "a TIMESTAMP");
    }

    private Expr timeOrMillis(SqlCall call, int index) {
        Expr e = operand(call, index, -1);
        return expect(call, index, e, e.type().kind() == SqlType.Kind.TIMESTAMP || e.type().isIntegral(),
                "a TIMESTAMP or BIGINT");
    }

    private static Expr expect(SqlCall call, int index, Expr e, boolean ok, String what) {
        if (!ok && !e.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(call.getOperandList().get(index)), call.getOperator().getName()
                    + " expects " + what + " argument, not " + e.type());
        }
        return e;
    }
}
