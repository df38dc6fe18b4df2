package io.github.kinesisfanout.local.s3;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The checksums S3 verifies on upload: Content-MD5 and the flexible checksums (CRC32, CRC32C,
 * CRC64NVME, SHA1, SHA256), each rendered base64 over its big-endian bytes as S3's
 * {@code x-amz-checksum-*} headers carry them.
 */
public final class Checksums {

    /** The algorithms by their S3 name, in the order S3 documents them. */
    public static final java.util.List<String> ALGORITHMS =
            java.util.List.of("CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256");

    private static final long CRC64NVME_POLY = 0x9a6c9329ac4bc9b5L;
    private static final long[] CRC64NVME_TABLE = crc64Table();

    private Checksums() {
    }

    /** The base64 checksum of the bytes with an S3 algorithm name. */
    public static String compute(String algorithm, byte[] data) {
        return switch (algorithm) {
            case "CRC32" -> crc32Style(new CRC32(), data);
            case "CRC32C" -> crc32Style(new CRC32C(), data);
            case "CRC64NVME" -> base64(ByteBuffer.allocate(8).putLong(crc64nvme(data)).array());
            case "SHA1" -> base64(digest("SHA-1", data));
            case "SHA256" -> base64(digest("SHA-256", data));
            case "MD5" -> base64(digest("MD5", data));
            default -> throw new IllegalArgumentException("unknown checksum algorithm " + algorithm);
        };
    }

    /** The ETag of a single-part upload: the quoted lower-case hex MD5 of the bytes. */
    public static String eTag(byte[] data) {
        return "\"" + HexFormat.of().formatHex(digest("MD5", data)) + "\"";
    }

    /** The lower-case hex SHA-256, as SigV4's x-amz-content-sha256 header carries it. */
    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("SHA-256", data));
    }

    private static String crc32Style(Checksum checksum, byte[] data) {
        checksum.update(data, 0, data.length);
        return base64(ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array());
    }

    /** CRC-64/NVME: reflected, initial value and final XOR all ones. */
    static long crc64nvme(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc = CRC64NVME_TABLE[(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
        }
        return ~crc;
    }

    private static long[] crc64Table() {
        long[] table = new long[256];
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ CRC64NVME_POLY : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
