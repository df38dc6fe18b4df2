package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.JoinWindow;
import io.github.kinesisfanout.sql.analyze.StreamJoin;

/**
 * A join of two streams, compiled: the condition over the joined row and, per side, its window, whether an outer
 * join keeps its unmatched rows, and where its columns and ROWTIME sit in the joined row. Both branches of the join's
 * hidden pump share one plan, so the running instance gives them one join state.
 *
 * @param join the analyzed join
 * @param on the condition, or null for every pair in the windows
 */
public record StreamJoinPlan(StreamJoin join, Evaluator on) {

    static StreamJoinPlan of(StreamJoin join) {
        return new StreamJoinPlan(join, join.on() == null ? null : EvaluatorCompiler.compile(join.on()));
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
