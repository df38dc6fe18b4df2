package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Expr;
import io.github.kinesisfanout.sql.analyze.JoinWindow;
import io.github.kinesisfanout.sql.analyze.Op;
import io.github.kinesisfanout.sql.analyze.StreamJoin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A join of two streams, compiled: the condition over the joined row and, per side, its window, whether an outer
 * join keeps its unmatched rows, and where its columns and ROWTIME sit in the joined row. Both branches of the join's
 * hidden pump share one plan, so the running instance gives them one join state. The equality conjuncts
 * {@code leftExpr = rightExpr} of the condition, each side reading only its own side's columns, are the keys of a
 * hash index of each side's held rows; the whole condition is still checked on each candidate pair.
 *
 * @param join the analyzed join
 * @param on the condition, or null for every pair in the windows
 * @param keys the equality conjuncts the index uses (empty: every held row is a candidate)
 */
public record StreamJoinPlan(StreamJoin join, Evaluator on, List<Key> keys) {

    /**
     * One equality conjunct: per side the expression of that side (evaluated on a joined row holding only that side's
     * row), and the hash key both values are brought to (numbers in their comparison domain, CHAR without trailing
     * blanks), so that values the comparison finds equal have equal keys.
     */
    public record Key(Evaluator left, Evaluator right, UnaryOperator<Object> hashKey) {

        public Evaluator side(int side) {
            return side == 0 ? left : right;
        }
    }

    /** What an expression reads: the left side's columns, the right side's, or something of both (ROWTIME). */
    private static final int LEFT = 1;
    private static final int RIGHT = 2;
    private static final int BOTH = 4;

    static StreamJoinPlan of(StreamJoin join) {
        List<Key> keys = new ArrayList<>();
        if (join.on() != null) {
            for (Expr conjunct : JoinPlan.conjuncts(join.on(), new ArrayList<>())) {
                Key key = key(join, conjunct);
                if (key != null) {
                    keys.add(key);
                }
            }
        }
        return new StreamJoinPlan(join, join.on() == null ? null : EvaluatorCompiler.compile(join.on()),
                List.copyOf(keys));
    }

    private static Key key(StreamJoin join, Expr e) {
        if (!(e instanceof Expr.Call call) || call.op() != Op.EQ || call.args().size() != 2) {
            return null;
        }
        Expr a = call.args().get(0);
        Expr b = call.args().get(1);
        int ra = reads(join, a);
        int rb = reads(join, b);
        if (ra == RIGHT && rb == LEFT) {
            Expr swap = a;
            a = b;
            b = swap;
        } else if (ra != LEFT || rb != RIGHT) {
            return null;
        }
        UnaryOperator<Object> hashKey = Comparisons.hashKey(a, b);
        return hashKey == null ? null : new Key(EvaluatorCompiler.compile(a), EvaluatorCompiler.compile(b), hashKey);
    }

    private static int reads(StreamJoin join, Expr e) {
        if (e instanceof Expr.ColumnRef ref) {
            for (int side = 0; side < 2; side++) {
                int from = join.sides().get(side).offset();
                if (ref.index() >= from && ref.index() < from + join.sides().get(side).width()
                        || ref.index() == join.rowtimeColumn(side)) {
                    return side == 0 ? LEFT : RIGHT;
                }
            }
            return BOTH;
        }
        if (e instanceof Expr.Literal) {
            return 0;
        }
        List<Expr> parts;
        if (e instanceof Expr.Call call) {
            parts = call.args();
        } else if (e instanceof Expr.Cast cast) {
            parts = List.of(cast.arg());
        } else if (e instanceof Expr.Case c) {
            parts = new ArrayList<>(c.conditions());
            parts.addAll(c.results());
            if (c.otherwise() != null) {
                parts.add(c.otherwise());
            }
        } else {
            // The joined row's own ROWTIME (the later of both) and anything else: both sides.
            return BOTH;
        }
        int reads = 0;
        for (Expr part : parts) {
            reads |= reads(join, part);
        }
        return reads == (LEFT | RIGHT) ? BOTH : reads;
    }

    public JoinWindow window(int side) {
        return join.sides().get(side).window();
    }

    public boolean kept(int side) {
        return join.sides().get(side).kept();
    }

    public int offset(int side) {
        return join.sides().get(side).offset();
    }

    public int width() {
        return join.width();
    }

    public int rowtimeColumn(int side) {
        return join.rowtimeColumn(side);
    }

    /**
     * What one branch of the join's hidden pump feeds.
     *
     * @param plan the join
     * @param side 0 for the left side, 1 for the right
     */
    public record Input(StreamJoinPlan plan, int side) {
    }
}
