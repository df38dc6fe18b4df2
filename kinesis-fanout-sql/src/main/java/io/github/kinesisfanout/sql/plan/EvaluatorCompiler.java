package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.type.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles a typed expression, once, into a tree of small evaluators. Sub-expressions made only of
 * constants are folded at compile time.
 */
public final class EvaluatorCompiler {

    private EvaluatorCompiler() {
    }

    public static Evaluator compile(Expr expr) {
        Evaluator e = build(expr);
        if (isConstant(expr) && !(expr instanceof Expr.Literal)) {
            try {
                Object value = e.eval(null);
                return row -> value;
            } catch (EvaluationException | NullPointerException ex) {
                return e; // fails per row, as it would at run time (e.g. 1/0 sends each row to error_stream)
            }
        }
        return e;
    }

    static List<Evaluator> compileAll(List<Expr> exprs) {
        List<Evaluator> out = new ArrayList<>();
        for (Expr e : exprs) {
            out.add(compile(e));
        }
        return out;
    }

    private static boolean isConstant(Expr expr) {
        if (expr instanceof Expr.Literal) {
            return true;
        }
        if (expr instanceof Expr.Cast c) {
            return isConstant(c.arg());
        }
        if (expr instanceof Expr.Call c) {
            return switch (c.op()) {
                case CURRENT_ROW_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME -> false;
                default -> c.args().stream().allMatch(EvaluatorCompiler::isConstant);
            };
        }
        return false;
    }

    private static Evaluator build(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            Object value = literal.value();
            return row -> value;
        }
        if (expr instanceof Expr.ColumnRef column) {
            int index = column.index();
            return row -> row.values[index];
        }
        if (expr instanceof Expr.SystemColumn system) {
            return system.arrival() ? row -> Values.timestamp(row.arrival) : row -> Values.timestamp(row.rowtime);
        }
        if (expr instanceof Expr.Cast cast) {
            return Conversions.cast(compile(cast.arg()), cast.arg().type(), cast.type(), cast.explicit());
        }
        if (expr instanceof Expr.Case c) {
            return caseEvaluator(c);
        }
        Expr.Call call = (Expr.Call) expr;
        List<Evaluator> args = compileAll(call.args());
        return switch (call.op()) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD, NEGATE -> ArithmeticEvaluators.of(call, args);
            case EQ, NE, LT, LE, GT, GE, IN, BETWEEN, BETWEEN_SYMMETRIC, NULLIF ->
                    Comparisons.of(call, args);
            case AND, OR, NOT, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_FALSE, IS_NOT_TRUE, IS_NOT_FALSE, COALESCE ->
                    Logic.of(call, args);
            case LIKE, SIMILAR, CONCAT, CHAR_LENGTH, UPPER, LOWER, INITCAP, POSITION, OVERLAY, TRIM, SUBSTRING,
                    SUBSTRING_COMMA, SUBSTRING_REGEX, SUBSTRING_SIMILAR, REGEX_REPLACE -> StringFunctions.of(call, args);
            case LOG_PARSE -> LogParsers.of(call, args.get(0));
            case FIELD -> {
                Evaluator row = args.get(0);
                int index = (Integer) call.param();
                yield r -> {
                    Object[] fields = (Object[]) row.eval(r);
                    return fields == null ? null : fields[index];
                };
            }
            case ABS, CEIL, FLOOR, EXP, LN, LOG10, POWER, STEP -> NumericFunctions.of(call, args);
            default -> DateTimeFunctions.of(call, args);
        };
    }

    private static Evaluator caseEvaluator(Expr.Case c) {
        Evaluator[] conditions = compileAll(c.conditions()).toArray(new Evaluator[0]);
        Evaluator[] results = compileAll(c.results()).toArray(new Evaluator[0]);
        Evaluator otherwise = compile(c.otherwise());
        return row -> {
            for (int i = 0; i < conditions.length; i++) {
                if (Boolean.TRUE.equals(conditions[i].eval(row))) {
                    return results[i].eval(row);
                }
            }
            return otherwise.eval(row);
        };
    }
}
