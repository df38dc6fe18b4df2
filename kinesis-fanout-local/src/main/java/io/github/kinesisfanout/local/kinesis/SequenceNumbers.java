package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Sequence numbers shaped like AWS's: 56 decimal digits, numerically increasing within a shard.
 * Layout: {@code 4} (version), the shard's creation time in epoch milliseconds (14 digits), the
 * shard index (10 digits), the record counter within the shard (31 digits). A child shard is
 * created after its parents, so its numbers also compare greater than theirs.
 */
final class SequenceNumbers {

    static final int LENGTH = 56;
    /** The digits shared by every sequence number of a shard: version, creation time, index. */
    static final int PREFIX_LENGTH = 25;
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
        byte[] digits = new byte[LENGTH];
        write(prefix.getBytes(StandardCharsets.US_ASCII), counter, digits);
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /**
     * Writes a sequence number as ASCII digits into {@code out[0..56)}: the shard's prefix (its 25 ASCII
     * digits) and the counter, zero-padded to 31 digits. No string is made: GetRecords and PutRecords answers
     * render thousands of them.
     */
    static void write(byte[] prefix, long counter, byte[] out) {
        if (counter < 0) {
            throw new IllegalArgumentException("a record counter is never negative: " + counter);
        }
        System.arraycopy(prefix, 0, out, 0, PREFIX_LENGTH);
        int at = LENGTH - 1;
        long rest = counter;
        do {
            out[at--] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest != 0);
        while (at >= PREFIX_LENGTH) {
            out[at--] = '0';
        }
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
