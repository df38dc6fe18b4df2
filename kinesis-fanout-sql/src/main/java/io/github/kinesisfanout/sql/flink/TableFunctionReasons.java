package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.TableFunction;

/** Why each KDA table function has no Flink SQL translation yet, and what one would need. */
final class TableFunctionReasons {

    private TableFunctionReasons() {
    }

    static String of(String function) {
        return switch (function) {
            case TableFunction.TOP_K_ITEMS_TUMBLING -> "Flink's window Top-N (ROW_NUMBER over a TUMBLE of the "
                    + "counts) ranks equal counts in no defined order, where KDA here keeps the order the items "
                    + "first appeared";
            case TableFunction.COUNT_DISTINCT_ITEMS_TUMBLING -> "it needs COUNT(DISTINCT column) over a TUMBLE "
                    + "window emitting at the window's end";
            case TableFunction.HOTSPOTS -> "Flink has no density clustering over the last windowSize rows; it "
                    + "needs a user-defined process table function in the job";
            case TableFunction.GROUP_RANK -> "Flink's Top-N (ROW_NUMBER over a partition) numbers rows, where RANK() "
                    + "gives equal values one rank, and emits updates as rows arrive, where KDA releases each ROWTIME "
                    + "group once it is complete (or maxIdle passes)";
            default -> "it needs a user-defined process table function in the job, e.g. on AWS's "
                    + "randomcutforest-core";
        };
    }
}
