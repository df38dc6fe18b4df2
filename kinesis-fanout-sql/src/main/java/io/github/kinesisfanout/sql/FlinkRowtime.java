package io.github.kinesisfanout.sql;

/** What ROWTIME becomes in the translated Flink SQL. */
public enum FlinkRowtime {
    /** {@code PROCTIME()}: the time Flink reads the record (not replayable). */
    PROCESSING_TIME,
    /** The record's Kinesis arrival time as event time with a watermark (a rerun gives the same windows). */
    ARRIVAL_TIME
}
