package io.github.kinesisfanout.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3 with the real SDK v2 client in path style: its default aws-chunked uploads with trailing checksums, and errors. */
class S3IT {

    private LocalCloud cloud;
    private S3Client s3;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint());
    }

    @AfterEach
    void stop() {
        s3.close();
        cloud.close();
    }

    @Test
    void storesAndServesObjectsWithTheSdkDefaultChecksums() {
        s3.createBucket(b -> b.bucket("code"));
        byte[] body = "a deployment package".getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = s3.putObject(p -> p.bucket("code").key("dir/app.zip").contentType("application/zip")
                .metadata(java.util.Map.of("owner", "team")), RequestBody.fromBytes(body));
        assertEquals(Checksums.eTag(body), put.eTag());
        assertEquals(Checksums.compute("CRC32", body), put.checksumCRC32(), "the SDK's default CRC32 trailer is verified");

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket("code").key("dir/app.zip")
                .checksumMode(ChecksumMode.ENABLED));
        assertEquals("a deployment package", got.asUtf8String());
        assertEquals("application/zip", got.response().contentType());
        assertEquals("team", got.response().metadata().get("owner"));
        assertEquals(put.eTag(), got.response().eTag());

        HeadObjectResponse head = s3.headObject(h -> h.bucket("code").key("dir/app.zip"));
        assertEquals(put.eTag(), head.eTag());
        assertEquals(body.length, head.contentLength());

        // CRC64NVME needs the SDK's CRT module on the client side; the server side is covered by S3ServiceTest.
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1)) {
            s3.putObject(p -> p.bucket("code").key("other/" + algorithm).checksumAlgorithm(algorithm),
                    RequestBody.fromString("checked with " + algorithm));
            assertEquals("checked with " + algorithm, s3.getObjectAsBytes(g -> g.bucket("code")
                    .key("other/" + algorithm).checksumMode(ChecksumMode.ENABLED)).asUtf8String());
        }
        s3.putObject(p -> p.bucket("code").key("md5").contentMD5(Checksums.compute("MD5", body)), RequestBody.fromBytes(body));

        ListObjectsV2Response listing = s3.listObjectsV2(l -> l.bucket("code").prefix("dir/"));
        assertEquals(List.of("dir/app.zip"), listing.contents().stream().map(S3Object::key).toList());
        assertEquals(body.length, listing.contents().get(0).size());
        assertEquals(List.of("code"), s3.listBuckets().buckets().stream().map(b -> b.name()).toList());
        ListObjectsV2Response rolledUp = s3.listObjectsV2(l -> l.bucket("code").delimiter("/"));
        assertEquals(List.of("dir/", "other/"), rolledUp.commonPrefixes().stream().map(p -> p.prefix()).toList());
    }

    @Test
    void answersS3ErrorsTheSdkRecognises() {
        assertThrows(NoSuchBucketException.class, () -> s3.listObjectsV2(l -> l.bucket("missing")));
        s3.createBucket(b -> b.bucket("errors"));
        assertThrows(BucketAlreadyOwnedByYouException.class, () -> s3.createBucket(b -> b.bucket("errors")));
        NoSuchKeyException noKey = assertThrows(NoSuchKeyException.class,
                () -> s3.getObjectAsBytes(g -> g.bucket("errors").key("nope")));
        assertEquals("The specified key does not exist.", noKey.awsErrorDetails().errorMessage());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(h -> h.bucket("errors").key("nope")));
        s3.putObject(p -> p.bucket("errors").key("k"), RequestBody.fromString("x"));
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3.deleteBucket(d -> d.bucket("errors")));
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        assertEquals(409, notEmpty.statusCode());
        S3Exception unsupported = assertThrows(S3Exception.class, () -> s3.getBucketTagging(t -> t.bucket("errors")));
        assertTrue(unsupported.getMessage().contains("S3.GetTagging is not supported"), unsupported.getMessage());
        s3.deleteObject(d -> d.bucket("errors").key("k"));
        s3.deleteBucket(d -> d.bucket("errors"));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(h -> h.bucket("errors")));
    }
}
