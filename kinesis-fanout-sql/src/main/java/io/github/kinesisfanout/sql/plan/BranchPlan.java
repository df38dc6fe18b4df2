package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.TableFunction;

/**
 * One SELECT STREAM of a pump, compiled: read {@code source}, keep rows where {@code where} is TRUE,
 * compute {@code projections}, stamp the ROWTIME.
 *
 * @param source index of the stream read
 * @param where the condition, or null for every row
 * @param projections one evaluator per select item, in target column order of the pump
 * @param rowtime the {@code AS ROWTIME} override, or null to keep the input ROWTIME
 * @param aggregate the tumbling window, or null; projections then read the aggregate row
 * @param windows the sliding windows (empty when none); projections then read the row with the analytic values
 * @param sourceWidth the number of columns of the stream read
 * @param tableFunction the table function the branch applies, or null
 * @param join the reference table join the branch applies, or null
 * @param streamJoin the side of a join of two streams the branch feeds, or null
 */
public record BranchPlan(int source, Evaluator where, Evaluator[] projections, Evaluator rowtime,
        AggregatePlan aggregate, SlidingPlan[] windows, int sourceWidth, TableFunction tableFunction, JoinPlan join,
        StreamJoinPlan.Input streamJoin) {
}
