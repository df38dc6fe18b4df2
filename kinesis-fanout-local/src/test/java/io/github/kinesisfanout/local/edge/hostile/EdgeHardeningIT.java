package io.github.kinesisfanout.local.edge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Edge defects the fuzzer found, each pinned with one request on a raw socket. */
class EdgeHardeningIT {

    private LocalCloud cloud;
    private RawClient client;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().maxRequestBodyBytes(4096).idleTimeout(Duration.ofMillis(300)).build().start();
        client = new RawClient(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void anUndecodablePathIsAnsweredInsteadOfDroppingTheConnection() throws Exception {
        RawResponse s3 = client.socket(WireSamples.putObject().withPath("/bucket/%zz"));
        assertEquals(400, s3.status());
        assertEquals("InvalidURI", AwsShape.check(WireKind.REST_XML, "PUT", s3, "s3"));
        assertTrue(AwsShape.text(s3).contains("<Message>Couldn&apos;t parse the specified URI.</Message>"));
        RawResponse lambda = client.socket(WireSamples.createFunction().withPath("/2015-03-31/functions/%"));
        assertEquals("InvalidQueryParameter", AwsShape.check(WireKind.REST_JSON, "POST", lambda, "lambda"));
    }

    @Test
    void anOversizedBodyExpectingContinueGetsTheAwsShaped413() throws Exception {
        WireSample sample = WireSamples.putObject().withHeader("Expect", "100-continue");
        try (Socket socket = client.connect()) {
            socket.getOutputStream().write(sample.head(client.host(), 1L << 32).getBytes(StandardCharsets.ISO_8859_1));
            RawResponse answer = RawResponse.read(socket.getInputStream(), false);
            assertEquals(413, answer.status());
            assertEquals("EntityTooLarge", AwsShape.check(WireKind.REST_XML, "PUT", answer, "expect"));
        }
    }

    @Test
    void aConnectionSilentPastTheIdleTimeoutIsClosed() throws Exception {
        try (Socket socket = client.connect()) {
            socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 150 && millis < 5_000, millis + " ms");
        }
    }

    @Test
    void aZipFileOfTheWrongTypeIsInvalidParameterValue() throws Exception {
        WireSample sample = WireSamples.createFunction();
        String body = new String(sample.body(), StandardCharsets.UTF_8).replaceFirst("\"ZipFile\":\"[^\"]*\"", "\"ZipFile\":7");
        RawResponse answer = client.socket(sample.withBody(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, answer.status());
        assertEquals("InvalidParameterValueException", AwsShape.check(WireKind.REST_JSON, "POST", answer, "zip"));
    }
}
