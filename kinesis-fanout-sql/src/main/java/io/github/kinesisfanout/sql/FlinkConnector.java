package io.github.kinesisfanout.sql;

/** Which Flink Kinesis connector generation the translated tables are written for. */
public enum FlinkConnector {
    /** The legacy {@code flink-connector-kinesis} 4.x: {@code 'connector' = 'kinesis'}, {@code stream}, {@code scan.stream.initpos}. */
    KINESIS_4,
    /** The {@code flink-connector-aws-kinesis-streams} 5.x/6.x: {@code stream.arn}, {@code source.init.position}. */
    AWS_KINESIS_STREAMS_5
}
