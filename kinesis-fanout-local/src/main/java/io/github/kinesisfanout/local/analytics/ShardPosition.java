package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.time.Instant;

/**
 * Where reading of one input shard resumes: after a sequence number, at a timestamp (a reader
 * started at NOW that has read nothing yet), at the trim horizon, or nowhere (shard finished).
 *
 * @param type {@code AFTER_SEQUENCE_NUMBER}, {@code AT_TIMESTAMP}, {@code TRIM_HORIZON}, {@code LATEST}
 *     (NOW: just after the newest record; saved as AT_TIMESTAMP of the start) or {@code FINISHED}
 * @param sequenceNumber the last sequence number handed to the engine (AFTER_SEQUENCE_NUMBER)
 * @param timestampMillis the start time (AT_TIMESTAMP, LATEST)
 */
record ShardPosition(String type, String sequenceNumber, long timestampMillis) {

    static final String AFTER = "AFTER_SEQUENCE_NUMBER";
    static final String AT_TIMESTAMP = "AT_TIMESTAMP";
    static final String TRIM_HORIZON = "TRIM_HORIZON";
    static final String FINISHED = "FINISHED";
    static final String LATEST = "LATEST";

    static ShardPosition after(String sequenceNumber) {
        return new ShardPosition(AFTER, sequenceNumber, 0);
    }

    static ShardPosition at(long timestampMillis) {
        return new ShardPosition(AT_TIMESTAMP, null, timestampMillis);
    }

    static ShardPosition latest(long startMillis) {
        return new ShardPosition(LATEST, null, startMillis);
    }

    /** The position to save: a LATEST reader that read nothing resumes at its start time. */
    ShardPosition checkpoint() {
        return LATEST.equals(type) ? at(timestampMillis) : this;
    }

    static ShardPosition trimHorizon() {
        return new ShardPosition(TRIM_HORIZON, null, 0);
    }

    static ShardPosition finished() {
        return new ShardPosition(FINISHED, null, 0);
    }

    boolean isFinished() {
        return FINISHED.equals(type);
    }

    /** Where a shard cursor opens to resume here (not for a finished shard). */
    StartingPosition start() {
        return switch (type) {
            case AFTER -> StartingPosition.afterSequenceNumber(sequenceNumber);
            case AT_TIMESTAMP -> StartingPosition.atTimestamp(Instant.ofEpochMilli(timestampMillis));
            case TRIM_HORIZON -> StartingPosition.trimHorizon();
            case LATEST -> StartingPosition.latest();
            default -> throw new IllegalStateException("no starting position for " + type);
        };
    }
}
