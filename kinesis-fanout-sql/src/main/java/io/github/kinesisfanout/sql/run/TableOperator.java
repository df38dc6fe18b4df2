package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;

/**
 * The running state of a hidden pump that is not a query: a table function, or a join with a reference table; the
 * output rows it makes of input rows and of time moving on.
 */
interface TableOperator {

    /** Receives the operator's output rows. */
    interface Output {
        void row(Object[] values, long rowtime, long arrival);
    }

    /** Takes one input row; sends the output rows it makes (now, or for an earlier window it completes). */
    void apply(StreamRow row, Output out);

    /** The stream's ROWTIME has reached {@code bound}: sends the rows of every window that ends at or before it. */
    default void advance(long bound, Output out) {
    }

    static TableOperator of(TableFunction function, StreamDef input) {
        return switch (function.name()) {
            case TableFunction.RANDOM_CUT_FOREST, TableFunction.RANDOM_CUT_FOREST_WITH_EXPLANATION ->
                    new RandomCutForestOperator(function, input);
            case TableFunction.TOP_K_ITEMS_TUMBLING, TableFunction.COUNT_DISTINCT_ITEMS_TUMBLING ->
                    new TumblingItemsOperator(function);
            case TableFunction.HOTSPOTS -> new HotspotsOperator(function);
            case TableFunction.GROUP_RANK -> new GroupRankOperator(function);
            default -> throw new IllegalStateException("table function " + function.name());
        };
    }
}
