package io.github.kinesisfanout.local.kinesis;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an in-JVM reader starts reading a shard: the shard iterator types of GetShardIterator
 * without the iterator. {@link ReadResult#nextPosition()} continues after what was read.
 *
 * @param type TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER or AT_TIMESTAMP
 * @param sequenceNumber for the two sequence number types, else null
 * @param timestamp for AT_TIMESTAMP, else null
 */
public record StartingPosition(String type, String sequenceNumber, Instant timestamp) {

    public StartingPosition {
        Objects.requireNonNull(type, "type");
    }

    public static StartingPosition trimHorizon() {
        return new StartingPosition("TRIM_HORIZON", null, null);
    }

    public static StartingPosition latest() {
        return new StartingPosition("LATEST", null, null);
    }

    public static StartingPosition atSequenceNumber(String sequenceNumber) {
        return new StartingPosition("AT_SEQUENCE_NUMBER", Objects.requireNonNull(sequenceNumber), null);
    }

    public static StartingPosition afterSequenceNumber(String sequenceNumber) {
        return new StartingPosition("AFTER_SEQUENCE_NUMBER", Objects.requireNonNull(sequenceNumber), null);
    }

    public static StartingPosition atTimestamp(Instant timestamp) {
        return new StartingPosition("AT_TIMESTAMP", null, Objects.requireNonNull(timestamp));
    }
}
