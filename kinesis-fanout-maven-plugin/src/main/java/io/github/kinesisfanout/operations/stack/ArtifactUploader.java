package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Uploads local Lambda code to the artifact bucket under a content-hash key (so an unchanged jar
 * keeps its key and the stack sees no change), creating the bucket when it is missing.
 */
public final class ArtifactUploader {

    private final AwsClientFactory clients;
    private final ProgressListener listener;

    public ArtifactUploader(AwsClientFactory clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    /** The configured bucket, or kinesis-fanout-artifacts-ACCOUNT-REGION. */
    public String bucket(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try (StsClient sts = clients.client(StsClient.builder())) {
            String account = sts.getCallerIdentity().account();
            return "kinesis-fanout-artifacts-" + account + "-" + clients.region().id();
        } catch (RuntimeException e) {
            // An endpoint without STS: the bucket is named after the region alone.
            listener.debug("STS GetCallerIdentity failed (" + e.getMessage() + "): artifact bucket without account");
            return "kinesis-fanout-artifacts-" + clients.region().id();
        }
    }

    /** Uploads the file unless the bucket already holds it; returns its key. */
    String upload(Path file, String bucket) {
        return upload(file, bucket, "lambda/" + sha256(file) + "-" + file.getFileName());
    }

    /** Uploads the file under {@code key}, a content-hash key, unless the bucket already holds it; returns the key. */
    public String upload(Path file, String bucket, String key) {
        try (S3Client s3 = clients.s3()) {
            ensureBucket(s3, bucket);
            try {
                s3.headObject(b -> b.bucket(bucket).key(key));
                listener.info("Code " + file.getFileName() + " already in s3://" + bucket + "/" + key);
                return key;
            } catch (NoSuchKeyException missing) {
                // not there yet: upload below
            } catch (S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
            }
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
            listener.info("Uploaded " + file.getFileName() + " to s3://" + bucket + "/" + key);
            return key;
        }
    }

    /** Creates the bucket (in the client's region) unless HeadBucket finds it. */
    public void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException missing) {
            // create it below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        Region region = clients.region();
        if (region.equals(Region.US_EAST_1)) {
            s3.createBucket(b -> b.bucket(bucket));
        } else {
            s3.createBucket(b -> b.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(region.id())));
        }
        listener.info("Created artifact bucket " + bucket);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new FanoutException("Cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
