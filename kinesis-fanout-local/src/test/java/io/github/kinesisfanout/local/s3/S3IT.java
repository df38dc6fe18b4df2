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

        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(g -> g.bucket("code").key("dir/app.zip")
                .range("bytes=2-11"));
        assertEquals("deployment", part.asUtf8String());
        assertEquals("bytes 2-11/" + body.length, part.response().contentRange());
        assertEquals("package", s3.getObjectAsBytes(g -> g.bucket("code").key("dir/app.zip").range("bytes=-7"))
                .asUtf8String());
        S3Exception unsatisfiable = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(g -> g.bucket("code")
                .key("dir/app.zip").range("bytes=500-")));
        assertEquals(416, unsatisfiable.statusCode());

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

        String copied = s3.copyObject(c -> c.sourceBucket("code").sourceKey("dir/app.zip").destinationBucket("code")
                .destinationKey("copies/app v2+1.zip")).copyObjectResult().eTag();
        assertEquals(put.eTag(), copied);
        assertEquals("a deployment package", s3.getObjectAsBytes(g -> g.bucket("code").key("copies/app v2+1.zip"))
                .asUtf8String());
        assertThrows(NoSuchKeyException.class, () -> s3.copyObject(c -> c.sourceBucket("code").sourceKey("none")
                .destinationBucket("code").destinationKey("x")));

        ListObjectsV2Response listing = s3.listObjectsV2(l -> l.bucket("code").prefix("dir/"));
        assertEquals(List.of("dir/app.zip"), listing.contents().stream().map(S3Object::key).toList());
        assertEquals(body.length, listing.contents().get(0).size());
        assertEquals(List.of("code"), s3.listBuckets().buckets().stream().map(b -> b.name()).toList());
        ListObjectsV2Response rolledUp = s3.listObjectsV2(l -> l.bucket("code").delimiter("/"));
        assertEquals(List.of("copies/", "dir/", "other/"), rolledUp.commonPrefixes().stream().map(p -> p.prefix()).toList());
    }

    @Test
    void assemblesMultipartUploads() {
        s3.createBucket(b -> b.bucket("big"));
        String uploadId = s3.createMultipartUpload(c -> c.bucket("big").key("app.jar").contentType("application/java-archive"))
                .uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(first, (byte) 'a');
        String eTag1 = s3.uploadPart(u -> u.bucket("big").key("app.jar").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String eTag2 = s3.uploadPart(u -> u.bucket("big").key("app.jar").uploadId(uploadId).partNumber(2),
                RequestBody.fromString("tail")).eTag();
        String eTag = s3.completeMultipartUpload(c -> c.bucket("big").key("app.jar").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag1), p -> p.partNumber(2).eTag(eTag2))))
                .eTag();
        assertTrue(eTag.endsWith("-2\""), eTag);
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(g -> g.bucket("big").key("app.jar"));
        assertEquals(first.length + 4, got.asByteArray().length);
        assertEquals("application/java-archive", got.response().contentType());
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchUploadException.class,
                () -> s3.abortMultipartUpload(a -> a.bucket("big").key("app.jar").uploadId(uploadId)));
    }

    @Test
    void answersEachBucketsLocationConstraint() {
        s3.createBucket(b -> b.bucket("east"));
        s3.createBucket(b -> b.bucket("west").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        assertEquals("", s3.getBucketLocation(g -> g.bucket("east")).locationConstraintAsString(),
                "S3 answers an empty LocationConstraint for us-east-1");
        assertEquals("eu-west-1", s3.getBucketLocation(g -> g.bucket("west")).locationConstraintAsString());
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
        s3.putObject(p -> p.bucket("errors").key("a&b <c>"), RequestBody.fromString("y"));
        List<String> deleted = s3.deleteObjects(d -> d.bucket("errors").delete(del -> del.objects(
                o -> o.key("k"), o -> o.key("a&b <c>")))).deleted().stream().map(o -> o.key()).toList();
        assertEquals(List.of("k", "a&b <c>"), deleted);
        assertEquals(0, s3.listObjectsV2(l -> l.bucket("errors")).keyCount());
        s3.deleteBucket(d -> d.bucket("errors"));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(h -> h.bucket("errors")));
    }
}
