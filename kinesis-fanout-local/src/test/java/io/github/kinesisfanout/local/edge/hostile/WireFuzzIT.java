package io.github.kinesisfanout.local.edge.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Mutated requests of every wire protocol (fixed seed, bounded): each answer is a success or an
 * AWS-shaped error, the server stays up, and a control stream written meanwhile loses nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WireFuzzIT {

    private static final long SEED = 20260112L;
    private static final int MUTATIONS_PER_SAMPLE = 220;
    private LocalCloud cloud;
    private RawClient client;
    private ControlStream control;
    private Thread controlWriter;

    @BeforeAll
    void start() throws Exception {
        cloud = LocalCloud.builder().maxRequestBodyBytes(1024 * 1024).idleTimeout(Duration.ofSeconds(2)).build().start();
        client = new RawClient(cloud.endpoint());
        control = new ControlStream(client);
        control.call("CreateStream", "{\"StreamName\":\"" + WireSamples.CONTROL_STREAM + "\",\"ShardCount\":2}");
        control.call("CreateStream", "{\"StreamName\":\"" + WireSamples.FUZZ_STREAM + "\",\"ShardCount\":2}");
        WireSample bucket = WireSamples.putObject().withPath("/" + WireSamples.BUCKET).withBody(new byte[0]);
        assertEquals(200, client.http(bucket).status());
        WireSample logs = WireSamples.putLogEvents();
        assertEquals(200, client.http(new WireSample(WireKind.JSON, "POST", "/", Map.of("X-Amz-Target",
                "Logs_20140328.CreateLogGroup", "Content-Type", "application/x-amz-json-1.1"),
                "{\"logGroupName\":\"g\"}".getBytes(StandardCharsets.UTF_8))).status());
        assertEquals(200, client.http(new WireSample(WireKind.JSON, "POST", "/", Map.of("X-Amz-Target",
                "Logs_20140328.CreateLogStream", "Content-Type", "application/x-amz-json-1.1"),
                "{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}".getBytes(StandardCharsets.UTF_8))).status());
        controlWriter = new Thread(control, "control-stream-writer");
        controlWriter.start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        control.stop();
        controlWriter.join(TimeUnit.SECONDS.toMillis(30));
        cloud.close();
    }

    @Test
    @Order(1)
    void everySeedRequestSucceeds() throws Exception {
        for (WireSample sample : WireSamples.all()) {
            RawResponse answer = client.http(sample);
            assertNull(AwsShape.check(sample.protocol(), sample.method(), answer, sample.headers().toString()),
                    () -> AwsShape.text(answer));
        }
    }

    @Test
    @Order(2)
    void mutatedBodiesGetAwsShapedAnswers() throws Exception {
        Map<String, Integer> codes = new TreeMap<>();
        int index = 0;
        for (WireSample sample : WireSamples.all()) {
            Mutations mutations = new Mutations(new Random(SEED + index++));
            for (int i = 0; i < MUTATIONS_PER_SAMPLE; i++) {
                WireSample mutated = sample.withBody(mutations.body(sample));
                String what = sample.protocol() + " " + sample.headers().getOrDefault("X-Amz-Target", sample.path())
                        + " mutation " + i + ": " + preview(mutated.body());
                String code = AwsShape.check(sample.protocol(), sample.method(),
                        i % 4 == 0 ? client.socket(mutated) : client.http(mutated), what);
                codes.merge(sample.protocol() + " " + (code == null ? "success" : code), 1, Integer::sum);
            }
        }
        assertTrue(codes.keySet().stream().anyMatch(code -> code.endsWith("SerializationException")), codes::toString);
        System.out.println("fuzz answers by protocol and code: " + codes);
    }

    @Test
    @Order(3)
    void deepNestingAndHugeStringsGetAwsShapedAnswers() throws Exception {
        byte[] deepCbor = new byte[200_000];
        java.util.Arrays.fill(deepCbor, (byte) 0x81);
        for (WireSample sample : WireSamples.all()) {
            byte[] huge = ("{\"a\":\"" + "x".repeat(1000_000 - 16) + "\"}").getBytes(StandardCharsets.UTF_8);
            for (byte[] body : new byte[][] {Mutations.deepJson(100_000), deepCbor, huge,
                    ("{\"a\":" + "{\"b\":".repeat(50_000) + "1" + "}".repeat(50_001)).getBytes(StandardCharsets.UTF_8)}) {
                AwsShape.check(sample.protocol(), sample.method(), client.http(sample.withBody(body)),
                        sample.protocol() + " " + preview(body));
            }
        }
    }

    @Test
    @Order(4)
    void manyConcurrentConnectionsAreAllAnswered() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            java.util.List<Future<?>> done = new java.util.ArrayList<>();
            for (int connection = 0; connection < 64; connection++) {
                int seed = connection;
                done.add(pool.submit(() -> {
                    Mutations mutations = new Mutations(new Random(SEED * 31 + seed));
                    for (int i = 0; i < 8; i++) {
                        WireSample sample = WireSamples.all().get((seed + i) % WireSamples.all().size());
                        WireSample mutated = i % 2 == 0 ? sample : sample.withBody(mutations.body(sample));
                        AwsShape.check(sample.protocol(), sample.method(), client.socket(mutated), "concurrent " + seed);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(9)
    void theControlStreamLostNothingAndTheServerIsUp() throws Exception {
        control.stop();
        controlWriter.join(TimeUnit.SECONDS.toMillis(30));
        assertNull(control.failure(), () -> "control writer: " + control.failure());
        Set<String> acknowledged = control.acknowledged();
        assertTrue(acknowledged.size() >= 10, "the control writer wrote " + acknowledged.size());
        Set<String> read = control.readAll();
        Set<String> missing = new java.util.TreeSet<>(acknowledged);
        missing.removeAll(read);
        assertEquals(Set.of(), missing, "acknowledged but not readable");
        for (WireSample sample : WireSamples.all()) {
            assertTrue(client.http(sample).status() < 500, "still up for " + sample.protocol());
        }
    }

    static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.ISO_8859_1);
        return text.replaceAll("[^\\x20-\\x7e]", "?") + (body.length > 160 ? "... (" + body.length + " bytes)" : "");
    }
}
