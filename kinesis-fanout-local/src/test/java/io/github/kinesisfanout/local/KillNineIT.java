package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A standalone local cloud in a child JVM is killed with SIGKILL while writers are putting records;
 * a new cloud on its data directory serves every acknowledged record with its sequence number.
 */
class KillNineIT {

    @TempDir
    Path dir;

    private static Process startChild(Path dataDir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", classpath, LocalCloudMain.class.getName(), "--port", "0",
                "--data-dir", dataDir.toString()).redirectErrorStream(true).start();
    }

    /** The child's output lines, read on a thread so the child never blocks on a full pipe. */
    private static LinkedBlockingQueue<String> lines(Process child) {
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // The child is gone.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static String awaitLine(LinkedBlockingQueue<String> lines, String fragment, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(fragment)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no line with '" + fragment + "' within " + timeout + "; output: " + seen);
    }

    @Test
    void everyAcknowledgedRecordSurvivesKillNine() throws Exception {
        Process child = startChild(dir);
        Process second = null;
        ExecutorService writers = Executors.newFixedThreadPool(3);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try {
            String ready = awaitLine(lines(child), "ready at ", Duration.ofSeconds(60));
            URI endpoint = URI.create(ready.substring(ready.indexOf("http://")).split(" ")[0]);
            // A second cloud on the same directory refuses to start and says why.
            second = startChild(dir);
            awaitLine(lines(second), "is in use by another local cloud", Duration.ofSeconds(60));
            assertTrue(second.waitFor(30, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue());

            createStateOfOtherServices(endpoint);
            KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), endpoint);
            kinesis.createStream(r -> r.streamName("crash").shardCount(3));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    try {
                        for (int batch = 0; ; batch++) {
                            List<PutRecordsRequestEntry> entries = new ArrayList<>();
                            for (int i = 0; i < 50; i++) {
                                entries.add(PutRecordsRequestEntry.builder().partitionKey("p" + i)
                                        .data(SdkBytes.fromUtf8String(writer + "-" + batch + "-" + i)).build());
                            }
                            var results = kinesis.putRecords(r -> r.streamName("crash").records(entries)).records();
                            for (int i = 0; i < results.size(); i++) {
                                PutRecordsResultEntry result = results.get(i);
                                if (result.errorCode() == null) {
                                    acknowledged.put(entries.get(i).data().asUtf8String(), result.sequenceNumber());
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        // The cloud was killed under this writer.
                    }
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < 3000 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
            kinesis.close();
        } finally {
            writers.shutdownNow();
            child.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
            }
        }
        assertTrue(acknowledged.size() >= 3000, "acknowledged " + acknowledged.size());

        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                KinesisClient kinesis = SdkClients.client(KinesisClient.builder(), cloud.endpoint())) {
            Map<String, String> read = new java.util.HashMap<>();
            for (var shard : kinesis.listShards(r -> r.streamName("crash")).shards()) {
                String iterator = kinesis.getShardIterator(r -> r.streamName("crash").shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var response = kinesis.getRecords(r -> r.shardIterator(current));
                    for (Record record : response.records()) {
                        read.put(record.data().asUtf8String(), record.sequenceNumber());
                    }
                    iterator = response.records().isEmpty() ? null : response.nextShardIterator();
                }
            }
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                assertEquals(ack.getValue(), read.get(ack.getKey()), "acknowledged record " + ack.getKey());
            }
            checkStateOfOtherServices(cloud.endpoint());
        }
    }

    private static void createStateOfOtherServices(URI endpoint) {
        try (S3Client s3 = SdkClients.client(S3Client.builder(), endpoint);
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), endpoint);
                IamClient iam = SdkClients.client(IamClient.builder(), endpoint)) {
            s3.createBucket(b -> b.bucket("kept"));
            s3.putObject(p -> p.bucket("kept").key("a/b.json").contentType("application/json"),
                    RequestBody.fromString("{\"n\":1}"));
            logs.createLogGroup(c -> c.logGroupName("/kept"));
            logs.createLogStream(c -> c.logGroupName("/kept").logStreamName("s"));
            logs.putLogEvents(p -> p.logGroupName("/kept").logStreamName("s")
                    .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("before the crash")));
            iam.createRole(r -> r.roleName("kept-role").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"}"));
        }
    }

    private static void checkStateOfOtherServices(URI endpoint) {
        try (S3Client s3 = SdkClients.client(S3Client.builder(), endpoint);
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), endpoint);
                IamClient iam = SdkClients.client(IamClient.builder(), endpoint)) {
            var object = s3.getObjectAsBytes(g -> g.bucket("kept").key("a/b.json"));
            assertEquals("{\"n\":1}", object.asUtf8String());
            assertEquals("application/json", object.response().contentType());
            assertEquals(List.of("before the crash"), logs.getLogEvents(g -> g.logGroupName("/kept").logStreamName("s")
                    .startFromHead(true)).events().stream().map(e -> e.message()).toList());
            assertEquals("kept-role", iam.getRole(g -> g.roleName("kept-role")).role().roleName());
        }
    }
}
