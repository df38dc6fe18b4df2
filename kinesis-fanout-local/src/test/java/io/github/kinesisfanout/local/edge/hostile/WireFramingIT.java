package io.github.kinesisfanout.local.edge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile HTTP framing on raw sockets: bodies cut short and left open, multi-GB declarations, bytes
 * trickling in, slow-loris connections, broken request lines, paths and headers.
 */
class WireFramingIT {

    private static final long IDLE_MILLIS = 700;
    private LocalCloud cloud;
    private RawClient client;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().maxRequestBodyBytes(64 * 1024).idleTimeout(Duration.ofMillis(IDLE_MILLIS))
                .build().start();
        client = new RawClient(cloud.endpoint());
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    /** Reads until the server closes the connection; fails past the socket's read timeout. */
    private static long millisUntilClosed(Socket socket) throws IOException {
        long start = System.nanoTime();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        for (int i = 0; i < 10_000 && in.read(buffer) >= 0; i++) {
            // an answer, then the close
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @Test
    void bodiesShorterThanTheirContentLengthAreClosedAfterTheIdleTimeout() throws Exception {
        for (WireSample sample : WireSamples.all()) {
            try (Socket socket = client.connect()) {
                OutputStream out = socket.getOutputStream();
                out.write(sample.head(client.host(), sample.body().length + 100L).getBytes(StandardCharsets.ISO_8859_1));
                out.write(sample.body());
                out.flush();
                long closedAfter = millisUntilClosed(socket);
                assertTrue(closedAfter >= IDLE_MILLIS / 2 && closedAfter < 10_000, sample.protocol() + ": " + closedAfter);
            }
        }
        assertNull(AwsShape.check(WireKind.JSON, "POST", client.socket(WireSamples.listStreams()), "after"));
    }

    @Test
    void aDeclaredMultiGigabyteBodyIsRefusedInTheProtocolsShape() throws Exception {
        for (boolean expectContinue : new boolean[] {false, true}) {
            for (WireSample sample : WireSamples.all()) {
                WireSample declared = expectContinue ? sample.withHeader("Expect", "100-continue") : sample;
                try (Socket socket = client.connect()) {
                    socket.getOutputStream().write(declared.head(client.host(), 5L * 1024 * 1024 * 1024)
                            .getBytes(StandardCharsets.ISO_8859_1));
                    RawResponse answer = RawResponse.read(socket.getInputStream(), false);
                    String code = AwsShape.check(sample.protocol(), sample.method(), answer,
                            sample.protocol() + " expect=" + expectContinue);
                    assertEquals(413, answer.status());
                    assertEquals(sample.protocol() == WireKind.REST_XML ? "EntityTooLarge" : "RequestEntityTooLargeException",
                            code);
                }
            }
        }
    }

    @Test
    void aClientSendingAByteAtATimeIsServed() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (Socket socket = client.connect()) {
            WireSample sample = WireSamples.listStreams();
            byte[] request = (sample.head(client.host(), sample.body().length)
                    + new String(sample.body(), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            OutputStream out = socket.getOutputStream();
            AtomicInteger next = new AtomicInteger();
            trickle.scheduleAtFixedRate(() -> {
                int at = next.getAndIncrement();
                if (at < request.length) {
                    try {
                        out.write(request[at]);
                        out.flush();
                    } catch (IOException e) {
                        next.set(request.length);
                    }
                }
            }, 0, 3, TimeUnit.MILLISECONDS);
            assertNull(AwsShape.check(WireKind.JSON, "POST", RawResponse.read(socket.getInputStream(), false), "slow"));
            assertEquals(request.length, Math.min(next.get(), request.length));
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void slowLorisConnectionsAreDroppedWhileOthersAreServed() throws Exception {
        List<Socket> loris = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                Socket socket = client.connect();
                socket.getOutputStream().write(("POST / HTTP/1.1\r\nHost: " + client.host() + "\r\nX-Amz-Tar")
                        .getBytes(StandardCharsets.ISO_8859_1));
                loris.add(socket);
            }
            assertNull(AwsShape.check(WireKind.JSON, "POST", client.socket(WireSamples.listStreams()), "meanwhile"));
            for (Socket socket : loris) {
                assertTrue(millisUntilClosed(socket) < 10_000);
            }
        } finally {
            for (Socket socket : loris) {
                socket.close();
            }
        }
    }

    @Test
    void brokenPathsHeadersAndRequestLinesGetAwsShapedAnswers() throws Exception {
        Random random = new Random(7);
        String[] paths = {"/%zz", "/%", "/fuzz-bucket/%E0%A4%A", "/2015-03-31/functions/%00", "/" + "a".repeat(15_000),
            "/fuzz-bucket/k?uploadId=1&partNumber=99999999999", "/fuzz-bucket/k?x-id=%", "/2015-03-31/functions?Marker=%G0",
            "/fuzz-bucket?list-type=2&max-keys=-5", "/fuzz-bucket/../../etc/passwd"};
        for (WireSample sample : WireSamples.all()) {
            for (String path : paths) {
                AwsShape.check(sample.protocol(), sample.method(), client.socket(sample.withPath(path)), sample.protocol() + path);
            }
            String[][] headers = {{"Content-Type", "application/x-amz-cbor-1.1"}, {"Content-Type", "text/plain"},
                {"X-Amz-Target", "Kinesis_20131202."}, {"X-Amz-Target", "."}, {"Content-MD5", "not-base64"},
                {"x-amz-checksum-crc32", "%%%"}, {"Range", "bytes=9-1"}, {"Content-Encoding", "aws-chunked"},
                {"x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"}, {"X-Amz-Copy-Source", "%"},
                {"Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c"}, {"X-Amz-Big", "v".repeat(70_000)},
                {"x-amz-invocation-type", "\u00ff"}, {"Transfer-Encoding", "chunked"}};
            for (String[] header : headers) {
                WireSample mutated = sample.withHeader(header[0], header[1]);
                // A request left with no credential scope and no known X-Amz-Target is routed to S3, and
                // answered in its shape.
                boolean toS3 = header[1].equals(".") && sample.protocol() == WireKind.JSON
                        || header[0].equals("Authorization") && !sample.headers().containsKey("X-Amz-Target");
                if (header[0].equals("X-Amz-Big")) {
                    // A header section too long to read: its routing headers may be cut off.
                    assertEquals(400, AwsShape.checkAnyKind(sample.method(), client.socket(mutated), "big") == null ? 0 : 400);
                    continue;
                }
                AwsShape.check(toS3 ? WireKind.REST_XML : sample.protocol(), sample.method(), client.socket(mutated),
                        sample.protocol() + " " + header[0] + ": " + header[1].substring(0, Math.min(40, header[1].length())));
            }
            byte[] garbage = new byte[64];
            random.nextBytes(garbage);
            try (Socket socket = client.connect()) {
                socket.getOutputStream().write(garbage);
                socket.getOutputStream().write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                RawResponse answer = RawResponse.read(socket.getInputStream(), false);
                if (answer != null) {
                    // No credential scope and no X-Amz-Target: answered as S3 answers.
                    AwsShape.check(WireKind.REST_XML, "POST", answer, "garbage request line");
                }
            }
        }
        assertNull(AwsShape.check(WireKind.JSON, "POST", client.socket(WireSamples.listStreams()), "after"));
    }
}
