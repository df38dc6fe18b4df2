package io.github.kinesisfanout.sql;

/**
 * An application output for the Flink translation: an in-application stream written to a Kinesis stream.
 *
 * @param streamName the in-application stream, as stored (e.g. {@code POSITIVE_TRANSACTIONS}, {@code error_stream})
 * @param recordFormatType {@code JSON} or {@code CSV}
 */
public record FlinkOutput(String streamName, String recordFormatType) {
}
