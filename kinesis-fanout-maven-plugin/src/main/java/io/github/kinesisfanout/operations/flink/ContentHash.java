package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file as lower-case hex, the content address of an application jar (e.g. its S3 key). */
public final class ContentHash {

    private ContentHash() {
    }

    /** The hex SHA-256 of the file's bytes. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new FanoutException("Cannot read " + file + " to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    /**
     * Writes {@code <hash>  <file name>} (the format of {@code sha256sum}) to {@code <file>.sha256}
     * and returns the hash.
     */
    public static String writeBeside(Path file) {
        String hash = sha256(file);
        Path beside = file.resolveSibling(file.getFileName() + ".sha256");
        try {
            Files.writeString(beside, hash + "  " + file.getFileName() + "\n");
        } catch (IOException e) {
            throw new FanoutException("Cannot write " + beside + ": " + e.getMessage(), e);
        }
        return hash;
    }
}
