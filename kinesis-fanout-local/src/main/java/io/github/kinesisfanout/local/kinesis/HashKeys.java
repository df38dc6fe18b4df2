package io.github.kinesisfanout.local.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit hash key space: MD5 of the partition key read as an unsigned big-endian integer, as
 * Kinesis routes records, and the even split CreateStream and UpdateShardCount make of it.
 */
final class HashKeys {

    static final BigInteger MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private HashKeys() {
    }

    static BigInteger of(String partitionKey) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return new BigInteger(1, md5.digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The high 64 bits of a 128-bit hash key (the low ones are {@code key.longValue()}). */
    static long high(BigInteger key) {
        return key.shiftRight(64).longValue();
    }

    /** The starting hash key of range i of n: i * floor(2^128 / n), as AWS splits the space. */
    static BigInteger start(int i, int n) {
        return BigInteger.ONE.shiftLeft(128).divide(BigInteger.valueOf(n)).multiply(BigInteger.valueOf(i));
    }

    /** The ending hash key of range i of n. */
    static BigInteger end(int i, int n) {
        return i == n - 1 ? MAX : start(i + 1, n).subtract(BigInteger.ONE);
    }
}
