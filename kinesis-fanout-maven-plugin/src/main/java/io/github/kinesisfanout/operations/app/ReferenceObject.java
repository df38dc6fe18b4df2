package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The S3 object of a reference table: the build's file is uploaded when the object's content differs (the
 * ETag of a single-part upload is the MD5 of its bytes; any other ETag is settled by reading the object), and an
 * object named by {@code s3://} must exist. A changed object is what makes create-app reload the table, since
 * Kinesis Analytics reads it once at start and again only on UpdateApplication.
 */
public final class ReferenceObject {

    private final AwsClientFactory clients;
    private final ProgressListener listener;

    public ReferenceObject(AwsClientFactory clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    /** True when the file was uploaded because the object was missing or held other bytes. */
    boolean sync(ReferenceSource source) {
        try (S3Client s3 = clients.s3()) {
            if (source.file() == null) {
                if (head(s3, source).isEmpty()) {
                    throw AppMessages.referenceObjectMissing(source.location(), "HeadObject: 404 Not Found");
                }
                return false;
            }
            byte[] content = read(source);
            new ArtifactUploader(clients, listener).ensureBucket(s3, source.bucket());
            Optional<HeadObjectResponse> head = head(s3, source);
            if (head.isPresent() && same(s3, source, head.get(), content)) {
                listener.info(source.location() + " already holds " + source.file().getFileName());
                return false;
            }
            s3.putObject(b -> b.bucket(source.bucket()).key(source.key()), RequestBody.fromBytes(content));
            listener.info("Uploaded " + source.file().getFileName() + " to " + source.location());
            return true;
        }
    }

    private static Optional<HeadObjectResponse> head(S3Client s3, ReferenceSource source) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(source.bucket()).key(source.key())));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean same(S3Client s3, ReferenceSource source, HeadObjectResponse head, byte[] content) {
        if (head.contentLength() != null && head.contentLength() != content.length) {
            return false;
        }
        String eTag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
        if (eTag.equals(md5(content))) {
            return true;
        }
        // A multipart or SSE-KMS object's ETag is not the MD5 of its bytes: compare the bytes themselves.
        byte[] stored = s3.getObjectAsBytes(b -> b.bucket(source.bucket()).key(source.key())).asByteArray();
        return Arrays.equals(stored, content);
    }

    private static byte[] read(ReferenceSource source) {
        try {
            return Files.readAllBytes(source.file());
        } catch (IOException e) {
            throw new FanoutException("Cannot read the reference file " + source.file() + ": " + e.getMessage()
                    + ": fix <referenceFile> (-D" + PropertyNames.REFERENCE_FILE + "=FILE)", e);
        }
    }

    static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
