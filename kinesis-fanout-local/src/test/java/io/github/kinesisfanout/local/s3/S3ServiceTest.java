package io.github.kinesisfanout.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** S3 without HTTP: checksums, listings with delimiters and continuation, and S3's errors. */
class S3ServiceTest {

    private final S3Service s3 = new S3Service(ServiceContext.inMemory(Clock.systemUTC()));
    private final RequestContext context = new RequestContext("r", "000000000000", "us-east-1");

    @Test
    void computesTheChecksumsS3Documents() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        // The standard check values of each CRC over "123456789".
        assertEquals(0xCBF43926L, Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(
                java.util.Base64.getDecoder().decode(Checksums.compute("CRC32", check))).getInt()));
        assertEquals(0xE3069283L, Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(
                java.util.Base64.getDecoder().decode(Checksums.compute("CRC32C", check))).getInt()));
        assertEquals(0xAE8B14860A799888L, Checksums.crc64nvme(check));
        assertEquals("\"25f9e794323b453885f5181f1b624d0b\"", Checksums.eTag(check));
    }

    @Test
    void verifiesChecksumsAndListsWithDelimiters() {
        s3.invoke("CreateBucket", bucket(), context);
        byte[] body = "data".getBytes(StandardCharsets.UTF_8);
        AwsServiceException bad = assertThrows(AwsServiceException.class, () -> s3.invoke("PutObject",
                object("a/1").put("Body", body).put("ChecksumCRC32", "AAAAAA=="), context));
        assertEquals("BadDigest", bad.errorCode());
        AwsServiceException badMd5 = assertThrows(AwsServiceException.class, () -> s3.invoke("PutObject",
                object("a/1").put("Body", body).put("ContentMD5", "AAAAAAAAAAAAAAAAAAAAAA=="), context));
        assertEquals("BadDigest", badMd5.errorCode());
        for (String key : new String[] {"a/1", "a/2", "b/1", "c"}) {
            s3.invoke("PutObject", object(key).put("Body", body).put("ChecksumCRC32", Checksums.compute("CRC32", body)),
                    context);
        }
        JsonNode listing = s3.invoke("ListObjectsV2", bucket().put("Delimiter", "/"), context);
        assertEquals("c", listing.path("Contents").get(0).path("Key").asText());
        assertEquals("a/", listing.path("CommonPrefixes").get(0).path("Prefix").asText());
        assertEquals("b/", listing.path("CommonPrefixes").get(1).path("Prefix").asText());
        JsonNode page = s3.invoke("ListObjectsV2", bucket().put("MaxKeys", 3), context);
        assertTrue(page.path("IsTruncated").asBoolean());
        JsonNode rest = s3.invoke("ListObjectsV2", bucket().put("ContinuationToken",
                page.path("NextContinuationToken").asText()), context);
        assertEquals("c", rest.path("Contents").get(0).path("Key").asText());
        assertEquals(1, rest.path("KeyCount").asInt());
    }

    @Test
    void answersS3Errors() {
        assertEquals("NoSuchBucket", error(() -> s3.invoke("HeadBucket", bucket(), context)).errorCode());
        s3.invoke("CreateBucket", bucket(), context);
        assertEquals("BucketAlreadyOwnedByYou", error(() -> s3.invoke("CreateBucket", bucket(), context)).errorCode());
        AwsServiceException noKey = error(() -> s3.invoke("GetObject", object("missing"), context));
        assertEquals("NoSuchKey", noKey.errorCode());
        assertEquals(404, noKey.httpStatus());
        s3.invoke("PutObject", object("k").put("Body", new byte[] {1}), context);
        assertEquals("BucketNotEmpty", error(() -> s3.invoke("DeleteBucket", bucket(), context)).errorCode());
        assertEquals("InvalidBucketName", error(() -> s3.invoke("CreateBucket",
                JsonNodeFactory.instance.objectNode().put("Bucket", "Bad_Name"), context)).errorCode());
    }

    private static AwsServiceException error(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(AwsServiceException.class, call);
    }

    private static ObjectNode bucket() {
        return JsonNodeFactory.instance.objectNode().put("Bucket", "code-bucket");
    }

    private static ObjectNode object(String key) {
        return bucket().put("Key", key);
    }
}
