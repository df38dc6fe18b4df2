package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.KinesisRecord;

/**
 * A record of the input that reaches error_stream instead of the engine, because its preprocessing failed.
 *
 * @param record the record as read from the stream (its bytes become DATA_ROW)
 * @param errorName the ERROR_NAME of its error_stream row
 * @param message the MESSAGE of its error_stream row
 */
record RejectedRecord(KinesisRecord record, String errorName, String message) {
}
