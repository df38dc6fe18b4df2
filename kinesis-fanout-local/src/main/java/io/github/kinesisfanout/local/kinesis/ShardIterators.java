package io.github.kinesisfanout.local.kinesis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Shard iterators: opaque strings (under AWS's 512-character limit) naming the stream, the shard,
 * the next record's counter and the creation time; they expire five minutes after being issued.
 */
final class ShardIterators {

    /** Kinesis iterators are valid for 5 minutes. */
    static final long TTL_MILLIS = 300_000;
    private static final String VERSION = "1";

    private ShardIterators() {
    }

    /** A decoded iterator. */
    record Decoded(String accountId, String region, String streamName, long streamCreatedMillis, String shardId,
            long counter, long createdMillis) {
    }

    static String encode(Stream stream, Shard shard, long counter, long createdMillis) {
        String plain = String.join("|", VERSION, stream.accountId(), stream.region(), stream.name(),
                Long.toString(stream.createdMillis()), shard.shardId(), Long.toString(counter),
                Long.toString(createdMillis));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes an iterator; throws InvalidArgumentException when it is not one of ours. */
    static Decoded decode(String iterator) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(iterator), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 8 || !VERSION.equals(parts[0])) {
                throw KinesisErrors.invalidIterator();
            }
            return new Decoded(parts[1], parts[2], parts[3], Long.parseLong(parts[4]), parts[5],
                    Long.parseLong(parts[6]), Long.parseLong(parts[7]));
        } catch (IllegalArgumentException e) {
            throw KinesisErrors.invalidIterator();
        }
    }
}
