package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** aws-chunked bodies, signed and unsigned, with trailing checksums. */
class AwsChunkedBodyTest {

    @Test
    void decodesSignedChunksWithTrailers() {
        String body = "5;chunk-signature=abc\r\nhello\r\n6;chunk-signature=def\r\n world\r\n0;chunk-signature=0f\r\n"
                + "x-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:123\r\n\r\n";
        AwsChunkedBody decoded = AwsChunkedBody.decode(body.getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("hello world".getBytes(StandardCharsets.UTF_8), decoded.data());
        assertEquals("DUoRhQ==", decoded.trailers().get("x-amz-checksum-crc32"));
    }

    @Test
    void decodesUnsignedChunks() {
        String body = "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32c:yZRlqg==\r\n\r\n";
        AwsChunkedBody decoded = AwsChunkedBody.decode(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("hello world", new String(decoded.data(), StandardCharsets.UTF_8));
        assertEquals("yZRlqg==", decoded.trailers().get("x-amz-checksum-crc32c"));
    }

    @Test
    void rejectsTruncatedChunks() {
        AwsServiceException error = assertThrows(AwsServiceException.class,
                () -> AwsChunkedBody.decode("ff\r\nshort\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("IncompleteBody", error.errorCode());
    }
}
