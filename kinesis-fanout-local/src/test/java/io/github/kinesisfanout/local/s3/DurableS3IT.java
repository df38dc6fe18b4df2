package io.github.kinesisfanout.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Buckets and objects (bytes, ETag, content type, user metadata) survive a restart on a data directory. */
class DurableS3IT {

    @TempDir
    Path dir;

    @Test
    void bucketsAndObjectsComeBackAfterARestart() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                S3Client s3 = SdkClients.client(S3Client.builder(), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(p -> p.bucket("code").key("dir/hello.txt").contentType("text/plain")
                    .metadata(Map.of("owner", "alice")), RequestBody.fromString("hello"));
            s3.putObject(p -> p.bucket("code").key("replaced"), RequestBody.fromString("old"));
            s3.putObject(p -> p.bucket("code").key("replaced"), RequestBody.fromString("new"));
            s3.putObject(p -> p.bucket("code").key("deleted"), RequestBody.fromString("x"));
            s3.deleteObject(d -> d.bucket("code").key("deleted"));
            s3.copyObject(c -> c.sourceBucket("code").sourceKey("dir/hello.txt").destinationBucket("code")
                    .destinationKey("copy"));
            s3.createBucket(b -> b.bucket("gone"));
            s3.deleteBucket(d -> d.bucket("gone"));
        }
        // A torn object file (a crash before the rename cannot leave one, damage can) is skipped, not served.
        Path objects = Files.list(dir.resolve("s3/000000000000/code/objects")).findFirst().orElseThrow().getParent();
        Files.write(objects.resolve("00.object"), new byte[] {0, 0, 0, 9, 1, 2});
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                S3Client s3 = SdkClients.client(S3Client.builder(), cloud.endpoint())) {
            var hello = s3.getObjectAsBytes(g -> g.bucket("code").key("dir/hello.txt"));
            assertEquals("hello", hello.asUtf8String());
            // The MD5 of "hello", quoted: S3's ETag of a single-part upload.
            assertEquals("\"5d41402abc4b2a76b9719d911017c592\"", hello.response().eTag());
            assertEquals("text/plain", hello.response().contentType());
            assertEquals(Map.of("owner", "alice"), hello.response().metadata());
            assertEquals("new", s3.getObjectAsBytes(g -> g.bucket("code").key("replaced")).asUtf8String());
            assertEquals("hello", s3.getObjectAsBytes(g -> g.bucket("code").key("copy")).asUtf8String());
            assertThrows(NoSuchKeyException.class, () -> s3.getObjectAsBytes(g -> g.bucket("code").key("deleted")));
            assertEquals(List.of("copy", "dir/hello.txt", "replaced"),
                    s3.listObjectsV2(l -> l.bucket("code")).contents().stream().map(S3Object::key).toList());
            assertThrows(NoSuchBucketException.class, () -> s3.headBucket(h -> h.bucket("gone")));
            assertEquals(List.of("code"), s3.listBuckets().buckets().stream().map(b -> b.name()).toList());
        }
    }
}
