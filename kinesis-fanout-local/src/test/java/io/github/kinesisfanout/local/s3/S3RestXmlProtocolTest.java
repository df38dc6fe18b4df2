package io.github.kinesisfanout.local.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.EdgeRequest;
import io.github.kinesisfanout.local.edge.EdgeResponse;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.S3RestXmlProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The S3 codec over raw requests: virtual-hosted buckets, unsigned aws-chunked uploads, headers and errors. */
class S3RestXmlProtocolTest {

    private final S3RestXmlProtocol protocol = S3Requests.protocol();
    private final S3Service s3 = new S3Service(ServiceContext.inMemory(Clock.systemUTC()));
    private final RequestContext context = new RequestContext("rid", "000000000000", "us-east-1");

    @Test
    void servesVirtualHostedBucketsAndUnsignedChunkedUploads() {
        assertEquals(200, call("PUT", "/", Map.of("host", "site.localhost:4566"), "").status());
        String chunked = "4\r\ndata\r\n0\r\nx-amz-checksum-crc32:rfPzYw==\r\n\r\n";
        EdgeResponse put = call("PUT", "/index.html", Map.of("host", "site.localhost:4566",
                "content-encoding", "aws-chunked", "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "x-amz-decoded-content-length", "4", "x-amz-trailer", "x-amz-checksum-crc32",
                "content-type", "text/html", "x-amz-meta-team", "web"), chunked);
        assertEquals(200, put.status(), new String(put.body(), StandardCharsets.UTF_8));
        assertEquals("rfPzYw==", put.headers().get("x-amz-checksum-crc32"));
        EdgeResponse got = call("GET", "/site/index.html", Map.of("host", "127.0.0.1:4566"), "");
        assertEquals("data", new String(got.body(), StandardCharsets.UTF_8));
        assertEquals("text/html", got.headers().get("Content-Type"));
        assertEquals("web", got.headers().get("x-amz-meta-team"));
        assertTrue(got.headers().get("Last-Modified").endsWith(" GMT"), got.headers().get("Last-Modified"));
        EdgeResponse head = call("HEAD", "/site/index.html", Map.of("host", "127.0.0.1:4566"), "");
        assertEquals("4", head.headers().get("Content-Length"));
        assertEquals(0, head.body().length);
    }

    @Test
    void rendersS3ErrorsAndListings() {
        EdgeResponse missing = call("GET", "/nobucket/key", Map.of(), "");
        assertEquals(404, missing.status());
        String xml = new String(missing.body(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist"
                + "</Message><RequestId>rid</RequestId>"), xml);
        EdgeResponse headMissing = call("HEAD", "/nobucket", Map.of(), "");
        assertEquals(404, headMissing.status());
        assertEquals(0, headMissing.body().length);
        call("PUT", "/bkt", Map.of(), "");
        call("PUT", "/bkt/x/1", Map.of(), "1");
        EdgeResponse listing = S3Requests.protocol().handle(new EdgeRequest("GET", "/bkt",
                Map.of("list-type", List.of("2"), "delimiter", List.of("/")), Map.of(), new byte[0]), s3, context);
        String list = new String(listing.body(), StandardCharsets.UTF_8);
        assertTrue(list.contains("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bkt</Name>"),
                list);
        assertTrue(list.contains("<CommonPrefixes><Prefix>x/</Prefix></CommonPrefixes>"), list);
        EdgeResponse badDigest = call("PUT", "/bkt/y", Map.of("content-md5", "AAAAAAAAAAAAAAAAAAAAAA=="), "1");
        assertEquals(400, badDigest.status());
        assertTrue(new String(badDigest.body(), StandardCharsets.UTF_8).contains("<Code>BadDigest</Code>"));
    }

    private EdgeResponse call(String method, String path, Map<String, String> headers, String body) {
        return protocol.handle(new EdgeRequest(method, path, Map.of(), headers, body.getBytes(StandardCharsets.UTF_8)),
                s3, context);
    }
}
