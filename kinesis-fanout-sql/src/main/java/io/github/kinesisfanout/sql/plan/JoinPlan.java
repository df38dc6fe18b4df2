package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.analyze.ReferenceJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A stream-to-reference-table join, compiled: the condition over the joined row, and the equality conjuncts
 * {@code streamExpr = tableColumn} of the condition that a hash lookup can answer (the whole condition is still
 * checked on each candidate, so the lookup only narrows the table rows tried).
 *
 * @param join the analyzed join
 * @param table the index of the reference table among the application's tables
 * @param width the number of columns of the joined row
 * @param streamOffset where the stream row's columns start in the joined row
 * @param tableOffset where the table row's columns start in the joined row
 * @param on the condition, or null for every table row
 * @param keys the equality conjuncts used for the lookup (empty: every table row is a candidate)
 */
public record JoinPlan(ReferenceJoin join, int table, int width, int streamOffset, int tableOffset, Evaluator on,
        List<Key> keys) {

    /**
     * One equality conjunct: the stream side's value (evaluated on the joined row before a table row is filled in),
     * the table column it equals, and the hash key both values are brought to.
     */
    public record Key(Evaluator stream, int tableColumn, UnaryOperator<Object> hashKey) {
    }

    static JoinPlan of(ReferenceJoin join, int table, int streamWidth) {
        int tableWidth = join.table().columns().size();
        int tableOffset = join.tableOffset(streamWidth);
        List<Key> keys = new ArrayList<>();
        if (join.on() != null) {
            for (Expr conjunct : conjuncts(join.on(), new ArrayList<>())) {
                Key key = key(conjunct, tableOffset, tableWidth);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return new JoinPlan(join, table, streamWidth + tableWidth, join.streamOffset(), tableOffset,
                join.on() == null ? null : EvaluatorCompiler.compile(join.on()), List.copyOf(keys));
    }

    static List<Expr> conjuncts(Expr e, List<Expr> out) {
        if (e instanceof Expr.Call call && call.op() == Op.AND) {
            call.args().forEach(a -> conjuncts(a, out));
        } else {
            out.add(e);
        }
        return out;
    }

    /** The lookup key of {@code a = b} with one side a table column and the other reading no table column; or null. */
    private static Key key(Expr e, int tableOffset, int tableWidth) {
        if (!(e instanceof Expr.Call call) || call.op() != Op.EQ || call.args().size() != 2) {
            return null;
        }
        for (int side = 0; side < 2; side++) {
            Expr column = call.args().get(side);
            Expr other = call.args().get(1 - side);
            if (column instanceof Expr.ColumnRef ref && ref.index() >= tableOffset
                    && ref.index() < tableOffset + tableWidth && !readsRange(other, tableOffset, tableWidth)) {
                UnaryOperator<Object> hashKey = Comparisons.hashKey(column, other);
                return hashKey == null ? null : new Key(EvaluatorCompiler.compile(other), ref.index() - tableOffset,
                        hashKey);
            }
        }
        return null;
    }

    /** Whether an expression reads a column in [from, from + width); a column-free expression reads none. */
    private static boolean readsRange(Expr e, int from, int width) {
        if (e instanceof Expr.ColumnRef ref) {
            return ref.index() >= from && ref.index() < from + width;
        }
        if (e instanceof Expr.Call call) {
            return call.args().stream().anyMatch(a -> readsRange(a, from, width));
        }
        if (e instanceof Expr.Case c) {
            return c.conditions().stream().anyMatch(a -> readsRange(a, from, width))
                    || c.results().stream().anyMatch(a -> readsRange(a, from, width))
                    || c.otherwise() != null && readsRange(c.otherwise(), from, width);
        }
        if (e instanceof Expr.Cast cast) {
            return readsRange(cast.arg(), from, width);
        }
        // Literals and system columns read no column; anything else is treated as reading the table.
        return !(e instanceof Expr.Literal) && !(e instanceof Expr.SystemColumn);
    }
}
