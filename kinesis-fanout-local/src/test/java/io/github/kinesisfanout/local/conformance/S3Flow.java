package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Valid requests for every S3 operation the local cloud implements, plus a few that fail. */
final class S3Flow {

    private S3Flow() {
    }

    static void run(S3Client s3) {
        s3.createBucket(r -> r.bucket("conform"));
        s3.headBucket(r -> r.bucket("conform"));
        s3.listBuckets();
        s3.getBucketLocation(r -> r.bucket("conform"));
        s3.putObject(r -> r.bucket("conform").key("a.txt"), RequestBody.fromString("hello"));
        s3.getObjectAsBytes(r -> r.bucket("conform").key("a.txt"));
        s3.headObject(r -> r.bucket("conform").key("a.txt"));
        s3.copyObject(r -> r.sourceBucket("conform").sourceKey("a.txt").destinationBucket("conform").destinationKey("b.txt"));
        s3.listObjectsV2(r -> r.bucket("conform"));
        s3.listObjects(r -> r.bucket("conform"));
        String upload = s3.createMultipartUpload(r -> r.bucket("conform").key("big")).uploadId();
        String etag = s3.uploadPart(r -> r.bucket("conform").key("big").uploadId(upload).partNumber(1),
                RequestBody.fromString("part one")).eTag();
        s3.completeMultipartUpload(r -> r.bucket("conform").key("big").uploadId(upload)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        String aborted = s3.createMultipartUpload(r -> r.bucket("conform").key("gone")).uploadId();
        s3.abortMultipartUpload(r -> r.bucket("conform").key("gone").uploadId(aborted));
        Clients.expectError(() -> s3.getObject(r -> r.bucket("conform").key("missing")));
        Clients.expectError(() -> s3.deleteBucket(r -> r.bucket("conform")));
        Clients.expectError(() -> s3.getBucketTagging(r -> r.bucket("conform")));
        s3.deleteObject(r -> r.bucket("conform").key("a.txt"));
        s3.deleteObjects(r -> r.bucket("conform").delete(d -> d.objects(ObjectIdentifier.builder().key("b.txt").build(),
                ObjectIdentifier.builder().key("big").build())));
        s3.deleteBucket(r -> r.bucket("conform"));
    }
}
