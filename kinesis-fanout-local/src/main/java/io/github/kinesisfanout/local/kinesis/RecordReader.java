package io.github.kinesisfanout.local.kinesis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records: turns a starting position into a record counter of a shard, reads from it within
 * the GetRecords limits, and reports the next position, MillisBehindLatest and, at the end of a
 * closed shard, its child shards.
 */
final class RecordReader {

    /** GetRecords returns at most 10,000 records... */
    static final int MAX_RECORDS = 10_000;
    /** ...and at most 10 MiB per call. */
    static final long MAX_BYTES = 10L * 1024 * 1024;

    private final StreamManager streams;

    RecordReader(StreamManager streams) {
        this.streams = streams;
    }

    /** The counter of the first record a position reads. */
    long counterOf(Stream stream, Shard shard, StartingPosition position) {
        streams.trim(stream, shard, streams.now());
        ShardLog log = shard.log();
        boolean bySequence = position.type().equals("AT_SEQUENCE_NUMBER")
                || position.type().equals("AFTER_SEQUENCE_NUMBER");
        if (bySequence != (position.sequenceNumber() != null)
                && !position.type().equals("AT_TIMESTAMP")) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER "
                    + "and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. "
                    + "Request specified " + position.type() + (bySequence ? " and no" : " and also a")
                    + " StartingSequenceNumber.");
        }
        switch (position.type()) {
            case "TRIM_HORIZON":
                return log.firstCounter();
            case "LATEST":
                return log.nextCounter();
            case "AT_SEQUENCE_NUMBER":
                return counterOfSequenceNumber(stream, shard, position.sequenceNumber());
            case "AFTER_SEQUENCE_NUMBER":
                return counterOfSequenceNumber(stream, shard, position.sequenceNumber()) + 1;
            case "AT_TIMESTAMP":
                return log.counterAtOrAfter(position.timestamp().toEpochMilli());
            default:
                throw KinesisErrors.validation(position.type(), "shardIteratorType",
                        "satisfy enum value set: [AFTER_SEQUENCE_NUMBER, AT_SEQUENCE_NUMBER, AT_TIMESTAMP, "
                                + "TRIM_HORIZON, LATEST]");
        }
    }

    private static long counterOfSequenceNumber(Stream stream, Shard shard, String sequenceNumber) {
        if (!sequenceNumber.matches("0|([1-9]\\d{0,128})")) {
            throw KinesisErrors.validation(sequenceNumber, "startingSequenceNumber",
                    "satisfy regular expression pattern: 0|([1-9]\\d{0,128})");
        }
        SequenceNumbers.Parsed parsed = SequenceNumbers.parse(sequenceNumber);
        if (parsed == null) {
            throw KinesisErrors.INVALID_ARGUMENT.error("StartingSequenceNumber " + sequenceNumber
                    + " used in GetShardIterator on shard " + shard.shardId() + " in stream " + stream.name()
                    + " under account " + stream.accountId() + " is invalid.");
        }
        if (parsed.shardIndex() != shard.index()) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Invalid StartingSequenceNumber. It encodes "
                    + Shard.shardId(parsed.shardIndex()) + ", while it was used in a call to a shard with "
                    + shard.shardId());
        }
        if (parsed.shardCreatedMillis() != shard.createdMillis()) {
            throw KinesisErrors.INVALID_ARGUMENT.error("StartingSequenceNumber " + sequenceNumber
                    + " used in GetShardIterator on shard " + shard.shardId() + " in stream " + stream.name()
                    + " under account " + stream.accountId() + " is invalid because it did not come from this stream.");
        }
        return parsed.counter();
    }

    /** Reads from a counter; the result's next position continues from there. */
    ReadResult read(Stream stream, Shard shard, long counter, int limit) {
        StoredRead read = readStored(stream, shard, counter, limit);
        List<KinesisRecord> records = new ArrayList<>(read.records().size());
        for (StoredRecord record : read.records()) {
            records.add(new KinesisRecord(shard.sequenceNumber(record.counter()),
                    Instant.ofEpochMilli(record.arrivalMillis()), record.data(), record.partitionKey()));
        }
        if (read.ended()) {
            return new ReadResult(records, null, 0, read.childShards());
        }
        return new ReadResult(records, StartingPosition.atSequenceNumber(shard.sequenceNumber(read.nextCounter())),
                read.millisBehindLatest(), List.of());
    }

    /** Reads from a counter, the records as the shard keeps them. */
    StoredRead readStored(Stream stream, Shard shard, long counter, int limit) {
        long now = streams.now();
        streams.trim(stream, shard, now);
        ShardLog log = shard.log();
        List<StoredRecord> stored = log.read(counter, limit, MAX_BYTES);
        long next = stored.isEmpty() ? Math.max(counter, log.firstCounter())
                : stored.get(stored.size() - 1).counter() + 1;
        long tip = log.nextCounter();
        long behind = 0;
        if (next < tip) {
            // Not caught up: how old the newest record handed out is (or the next one, if none was).
            long arrival = stored.isEmpty() ? log.arrivalOf(next) : stored.get(stored.size() - 1).arrivalMillis();
            behind = arrival < 0 ? 0 : Math.max(0, now - arrival);
        }
        if (!shard.isOpen() && next >= tip) {
            return new StoredRead(stored, next, 0, true, childShards(stream, shard));
        }
        return new StoredRead(stored, next, behind, false, List.of());
    }

    static List<ShardInfo> childShards(Stream stream, Shard parent) {
        List<ShardInfo> children = new ArrayList<>();
        for (Shard child : parent.children()) {
            children.add(child.info());
        }
        return children;
    }
}
