package io.github.kinesisfanout.sql;

/**
 * How an application is translated to Flink SQL.
 *
 * @param connector the Kinesis connector generation (null: {@link FlinkConnector#KINESIS_4})
 * @param rowtime what ROWTIME becomes (null: {@link FlinkRowtime#PROCESSING_TIME})
 * @param allowApproximations whether constructs without an exact Flink equivalent are translated to their
 *     nearest equivalent (each with a warning) instead of being refused
 */
public record FlinkOptions(FlinkConnector connector, FlinkRowtime rowtime, boolean allowApproximations) {

    public FlinkOptions {
        connector = connector == null ? FlinkConnector.KINESIS_4 : connector;
        rowtime = rowtime == null ? FlinkRowtime.PROCESSING_TIME : rowtime;
    }

    /** The defaults: legacy connector, processing time, no approximations. */
    public static FlinkOptions defaults() {
        return new FlinkOptions(FlinkConnector.KINESIS_4, FlinkRowtime.PROCESSING_TIME, false);
    }
}
