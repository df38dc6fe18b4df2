package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.MarkedCalls;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

/**
 * Types the function of an {@code OVER} call: aggregates, FIRST_VALUE/LAST_VALUE, LAG, NTH_VALUE, EXP_AVG, the
 * boolean aggregates ANY/EVERY and the statistics.
 */
final class AnalyticCalls {

    /** The functions a null treatment ({@code IGNORE NULLS}, {@code RESPECT NULLS}) may follow (reference pages). */
    private static final Set<SlidingWindow.Function> NULL_TREATMENT = Set.of(SlidingWindow.Function.FIRST_VALUE,
            SlidingWindow.Function.LAST_VALUE, SlidingWindow.Function.LAG, SlidingWindow.Function.NTH_VALUE);

    private AnalyticCalls() {
    }

    /** An analyzed analytic function call, before it gets its column. */
    record Parsed(SlidingWindow.Function function, Expr arg, SqlType type, int offset, Expr defaultValue,
            boolean fromLast, long halfLife) {

        Parsed(SlidingWindow.Function function, Expr arg, SqlType type) {
            this(function, arg, type, 0, null, false, 0);
        }
    }

    /**
     * Analyzes {@code call}; {@code nulls} is its null treatment, written at {@code nullsNode} (null when none is
     * written).
     */
    static Parsed parse(SqlCall call, ExprAnalyzer plain, SlidingWindow.Nulls nulls, SqlNode nullsNode) {
        String name = SlidingAnalyzer.name(call);
        boolean fromLast = name.equals(MarkedCalls.NTH_VALUE_FROM_LAST);
        SlidingWindow.Function function;
        try {
            function = fromLast ? SlidingWindow.Function.NTH_VALUE : SlidingWindow.Function.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + " cannot be used with OVER; use COUNT, SUM, AVG, MIN, "
                    + "MAX, FIRST_VALUE, LAST_VALUE, LAG, NTH_VALUE, EXP_AVG, ANY, EVERY, STDDEV_POP, STDDEV_SAMP, "
                    + "VAR_POP or VAR_SAMP");
        }
        if (nullsNode != null && !NULL_TREATMENT.contains(function)) {
            throw new SemanticError(ExprAnalyzer.pos(nullsNode), nulls + " NULLS applies to FIRST_VALUE, LAST_VALUE, "
                    + "LAG and NTH_VALUE, not " + function);
        }
        if (call.getFunctionQuantifier() != null && call.getFunctionQuantifier().toValue().equals("DISTINCT")) {
            throw new SemanticError(ExprAnalyzer.pos(call), name + "(DISTINCT ...) is not allowed over a sliding window");
        }
        List<SqlNode> operands = call.getOperandList();
        switch (function) {
            case LAG:
                return lag(call, operands, plain);
            case NTH_VALUE:
                return nthValue(call, operands, plain, fromLast);
            case EXP_AVG:
                return expAvg(call, operands, plain);
            default:
                break;
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
            case COUNT, SUM, AVG, MIN, MAX, ANY, EVERY -> GroupAnalyzer.type(Aggregation.Kind.valueOf(name), arg, call);
            case FIRST_VALUE, LAST_VALUE -> arg.type();
            default -> {
                if (!arg.type().isNumeric()) {
                    throw new SemanticError(ExprAnalyzer.pos(call), name + " expects a numeric argument, not " + arg.type());
                }
                yield SqlType.DOUBLE;
            }
        };
        return new Parsed(function, arg, type);
    }

    private static Parsed lag(SqlCall call, List<SqlNode> operands, ExprAnalyzer plain) {
        if (operands.isEmpty() || operands.size() > 3) {
            throw new SemanticError(ExprAnalyzer.pos(call), "LAG expects (expr [, N [, default]]), got "
                    + operands.size() + " arguments");
        }
        Expr arg = plain.analyze(operands.get(0));
        int offset = 1;
        if (operands.size() > 1) {
            offset = wholeNumber(operands.get(1), 0, "LAG's N must be a whole number literal >= 0");
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
        return new Parsed(SlidingWindow.Function.LAG, arg, arg.type(), offset, defaultValue, false, 0);
    }

    /** {@code NTH_VALUE(x, n) [FROM FIRST | FROM LAST]} (reference NTH_VALUE): n a whole number literal from 1. */
    private static Parsed nthValue(SqlCall call, List<SqlNode> operands, ExprAnalyzer plain, boolean fromLast) {
        if (operands.size() != 2) {
            throw new SemanticError(ExprAnalyzer.pos(call), "NTH_VALUE expects (expr, n), got " + operands.size()
                    + " argument" + (operands.size() == 1 ? "" : "s"));
        }
        Expr arg = plain.analyze(operands.get(0));
        int n = wholeNumber(operands.get(1), 1, "NTH_VALUE's n must be a whole number literal >= 1");
        return new Parsed(SlidingWindow.Function.NTH_VALUE, arg, arg.type(), n, null, fromLast, 0);
    }

    /** {@code EXP_AVG(numeric, INTERVAL 'n' unit)} (reference EXP_AVG): the interval is the half-life. */
    private static Parsed expAvg(SqlCall call, List<SqlNode> operands, ExprAnalyzer plain) {
        if (operands.size() != 2) {
            throw new SemanticError(ExprAnalyzer.pos(call), "EXP_AVG expects (numeric, INTERVAL 'n' unit), got "
                    + operands.size() + " argument" + (operands.size() == 1 ? "" : "s"));
        }
        Expr arg = plain.analyze(operands.get(0));
        if (!arg.type().isNumeric() && !arg.type().isNull()) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(0)), "EXP_AVG expects a numeric argument, not "
                    + arg.type());
        }
        Expr halfLife = plain.analyze(operands.get(1));
        if (!(halfLife instanceof Expr.Literal literal) || halfLife.type().kind() != SqlType.Kind.INTERVAL
                || literal.value() == null || (Long) literal.value() <= 0) {
            throw new SemanticError(ExprAnalyzer.pos(operands.get(1)), "EXP_AVG's half-life must be a positive "
                    + "INTERVAL literal, e.g. INTERVAL '10' SECOND, not " + halfLife.type());
        }
        return new Parsed(SlidingWindow.Function.EXP_AVG, arg, SqlType.DOUBLE, 0, null, false, (Long) literal.value());
    }

    private static int wholeNumber(SqlNode node, int min, String message) {
        if (!(node instanceof SqlNumericLiteral n) || !n.isInteger() || n.intValue(false) < min) {
            throw new SemanticError(ExprAnalyzer.pos(node), message);
        }
        return n.intValue(false);
    }
}
