package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;

/**
 * Sequence numbers shaped like AWS's: 56 decimal digits, numerically increasing within a shard.
 * Layout: {@code 4} (version), the shard's creation time in epoch milliseconds (14 digits), the
 * shard index (10 digits), the record counter within the shard (31 digits). A child shard is
 * created after its parents, so its numbers also compare greater than theirs.
 */
final class SequenceNumbers {

    static final int LENGTH = 56;
    private static final String ZEROS = "0".repeat(31);

    private SequenceNumbers() {
    }

    static String format(long shardCreatedMillis, int shardIndex, long counter) {
        return format(prefix(shardCreatedMillis, shardIndex), counter);
    }

    /** The part shared by every sequence number of a shard (25 digits). */
    static String prefix(long shardCreatedMillis, int shardIndex) {
        StringBuilder out = new StringBuilder(25).append('4');
        pad(out, Long.toString(shardCreatedMillis), 14);
        pad(out, Integer.toString(shardIndex), 10);
        return out.toString();
    }

    /** A shard's prefix followed by the counter in 31 digits. */
    static String format(String prefix, long counter) {
        StringBuilder out = new StringBuilder(LENGTH).append(prefix);
        pad(out, Long.toString(counter), 31);
        return out.toString();
    }

    private static void pad(StringBuilder out, String digits, int width) {
        out.append(ZEROS, 0, width - digits.length()).append(digits);
    }

    /** A parsed sequence number, or null when it is not one of ours. */
    static Parsed parse(String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.length() != LENGTH || sequenceNumber.charAt(0) != '4') {
            return null;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (!Character.isDigit(sequenceNumber.charAt(i))) {
                return null;
            }
        }
        BigInteger counter = new BigInteger(sequenceNumber.substring(25));
        if (counter.bitLength() > 62) {
            return null;
        }
        return new Parsed(Long.parseLong(sequenceNumber.substring(1, 15)),
                Integer.parseInt(sequenceNumber.substring(15, 25)), counter.longValue());
    }

    /** The parts of a sequence number. */
    record Parsed(long shardCreatedMillis, int shardIndex, long counter) {
    }
}
