package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/** Types the function of an {@code OVER} call: aggregates, FIRST_VALUE/LAST_VALUE, LAG and the statistics. */
final class AnalyticCalls {

    private AnalyticCalls() {
    }

    /** An analyzed analytic function call, before it gets its column. */
    record Parsed(SlidingWindow.Function function, Expr arg, SqlType type, int offset, Expr defaultValue) {
    }

    static Parsed parse(SqlCall call, ExprAnalyzer plain) {
        String name = SlidingAnalyzer.name(call);
        SlidingWindow.Function function;
        try {
            function = SlidingWindow.Function.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + " cannot be used with OVER; use COUNT, SUM, AVG, MIN, "
                    + "MAX, FIRST_VALUE, LAST_VALUE, LAG, STDDEV_POP, STDDEV_SAMP, VAR_POP or VAR_SAMP");
        }
        if (call.getFunctionQuantifier() != null && call.getFunctionQuantifier().toValue().equals("DISTINCT")) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + "(DISTINCT ...) is not allowed over a sliding window");
        }
        List<SqlNode> operands = call.getOperandList();
        if (function == SlidingWindow.Function.LAG) {
            return lag(call, operands, plain);
        }
        if (operands.size() != 1) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + " expects 1 argument, got " + operands.size());
        }
        boolean star = operands.get(0) instanceof SqlIdentifier id && id.isStar();
        if (star && function != SlidingWindow.Function.COUNT) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + "(*) is not allowed; only COUNT(*)");
        }
        Expr arg = star ? null : plain.analyze(operands.get(0));
        SqlType type = switch (function) {
            case COUNT, SUM, AVG, MIN, MAX -> GroupAnalyzer.type(Aggregation.Kind.valueOf(name), arg, call);
            case FIRST_VALUE, LAST_VALUE -> arg.type();
            default -> {
                if (!arg.type().isNumeric()) {
                    throw new SemanticError(ExprAnalyzer.pos(call), name + " expects a numeric argument, not " + arg.type());
                }
                yield SqlType.DOUBLE;
            }
        };
        return new Parsed(function, arg, type, 0, null);
    }

    private static Parsed lag(SqlCall call, List<SqlNode> operands, ExprAnalyzer plain) {
        if (operands.isEmpty() || operands.size() > 3) {
            throw new SemanticError(ExprAnalyzer.pos(call), "LAG expects (expr [, N [, default]]), got "
                    + operands.size() + " arguments");
        }
        Expr arg = plain.analyze(operands.get(0));
        int offset = 1;
        if (operands.size() > 1) {
            if (!(operands.get(1) instanceof SqlNumericLiteral n) || !n.isInteger() || n.intValue(false) < 0) {
                throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), "LAG's N must be a whole number literal >= 0");
            }
            offset = n.intValue(false);
        }
        Expr defaultValue = new Expr.Literal(null, arg.type());
        if (operands.size() > 2) {
            Expr d = plain.analyze(operands.get(2));
            if (!TypeRules.assignable(d.type(), arg.type())) {
                throw new SemanticError(ExprAnalyzer.pos(operands.get(2)), "LAG's default is " + d.type()
                        + " but its value is " + arg.type());
            }
            defaultValue = ExprAnalyzer.convert(d, arg.type());
        }
        return new Parsed(SlidingWindow.Function.LAG, arg, arg.type(), offset, defaultValue);
    }
}
