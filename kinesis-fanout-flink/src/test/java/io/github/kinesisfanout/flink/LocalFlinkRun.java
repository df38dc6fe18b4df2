package io.github.kinesisfanout.flink;

import io.github.kinesisfanout.local.FlinkClasspath;
import io.github.kinesisfanout.local.FlinkJobProcess;
import io.github.kinesisfanout.local.FlinkJobSpec;
import io.github.kinesisfanout.local.LocalCloud;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Test support: a local cloud, its Kinesis client, and the shaded job jar forked through {@link FlinkJobProcess}. */
final class LocalFlinkRun implements AutoCloseable {

    static final Path JOB_JAR = Path.of(System.getProperty("kinesisfanout.jobJar",
            "target/kinesis-fanout-flink-0.1.0-SNAPSHOT.jar"));
    static final Path M2 = Path.of(System.getProperty("kinesisfanout.m2",
            System.getProperty("user.home") + "/.m2/repository"));
    static final String FLINK_VERSION = System.getProperty("kinesisfanout.flinkVersion", "1.19.3");

    final LocalCloud cloud;
    final KinesisClient kinesis;
    private final List<FlinkJobProcess> processes = new ArrayList<>();

    LocalFlinkRun() {
        this(LocalCloud.builder().port(0));
    }

    /** A run on a local cloud with the given settings. */
    LocalFlinkRun(LocalCloud.Builder builder) {
        cloud = builder.build().start();
        kinesis = KinesisClient.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a stream and waits until it is ACTIVE. */
    void createStream(String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus()
                != StreamStatus.ACTIVE) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " is not ACTIVE");
            }
            pause();
        }
    }

    /** Puts the records (UTF-8 text), 500 per request, partition keys spread by index. */
    void put(String stream, List<String> records) {
        for (int from = 0; from < records.size(); from += 500) {
            List<PutRecordsRequestEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(records.size(), from + 500); i++) {
                entries.add(PutRecordsRequestEntry.builder().partitionKey("k" + i)
                        .data(SdkBytes.fromString(records.get(i), StandardCharsets.UTF_8)).build());
            }
            int failed = kinesis.putRecords(b -> b.streamName(stream).records(entries)).failedRecordCount();
            if (failed != 0) {
                throw new IllegalStateException(failed + " records failed");
            }
        }
    }

    /** Every record of every shard of the stream, read from TRIM_HORIZON up to now. */
    List<String> readAll(String stream) {
        List<String> out = new ArrayList<>();
        for (Shard shard : kinesis.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = kinesis.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
                for (Record record : response.records()) {
                    out.add(record.data().asUtf8String());
                }
                if (response.records().isEmpty() && response.millisBehindLatest() == 0) {
                    break;
                }
                iterator = response.nextShardIterator();
            }
        }
        return out;
    }

    /** Polls the stream until {@code done} holds for its records, or fails at the deadline. */
    List<String> awaitRecords(String stream, Predicate<List<String>> done, Duration timeout, FlinkJobProcess job) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> records = readAll(stream);
            if (done.test(records)) {
                return records;
            }
            if (System.nanoTime() > deadline || (job != null && !job.isAlive())) {
                throw new AssertionError(stream + " holds " + records.size() + " records after waiting"
                        + (job == null ? "" : "; job alive: " + job.isAlive() + ", log " + job.logFile()));
            }
            pause();
        }
    }

    /** The local-cloud properties (Contract C JSON) with the given stream properties in a second group. */
    Path writeProperties(Path dir, Map<String, String> streams) throws IOException {
        Map<String, String> application = new LinkedHashMap<>();
        application.put("aws.region", "us-east-1");
        application.put("aws.endpoint", cloud.endpoint().toString());
        application.put("aws.credentials.provider", "BASIC");
        application.put("aws.credentials.basic.accesskeyid", "test");
        application.put("aws.credentials.basic.secretkey", "test");
        application.put("scan.stream.initpos", "TRIM_HORIZON");
        application.put("sink.http-client.protocol.version", "HTTP1_1");
        String json = "[" + group("FanoutApplication", application) + "," + group("FanoutStreams", streams) + "]";
        Path file = dir.resolve("application.properties.json");
        Files.writeString(file, json);
        return file;
    }

    private static String group(String id, Map<String, String> map) {
        StringBuilder out = new StringBuilder("{\"PropertyGroupId\":\"").append(id).append("\",\"PropertyMap\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : map.entrySet()) {
            out.append(separator).append('"').append(entry.getKey()).append("\":\"").append(entry.getValue()).append('"');
            separator = ",";
        }
        return out.append("}}").toString();
    }

    /** The application jar as flink-package builds it: the job jar with the script as kinesis-fanout/application.sql. */
    static Path applicationJar(Path dir, String scriptResource) throws IOException {
        Path jar = dir.resolve("application.jar");
        Files.copy(JOB_JAR, jar, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path target = zip.getPath("kinesis-fanout", "application.sql");
            Files.createDirectories(target.getParent());
            Files.writeString(target, script(scriptResource));
        }
        return jar;
    }

    /** A classpath directory holding the script as kinesis-fanout/application.sql (the jar's layout). */
    static Path scriptDirectory(Path dir, String scriptResource) throws IOException {
        return scriptDirectoryOf(dir, script(scriptResource));
    }

    /** A classpath directory holding {@code scriptText} as kinesis-fanout/application.sql. */
    static Path scriptDirectoryOf(Path dir, String scriptText) throws IOException {
        Path root = dir.resolve("script");
        Files.createDirectories(root.resolve("kinesis-fanout"));
        Files.writeString(root.resolve("kinesis-fanout").resolve("application.sql"), scriptText);
        return root;
    }

    static String script(String resource) throws IOException {
        try (InputStream in = LocalFlinkRun.class.getResourceAsStream("/scripts/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Forks the job: the Flink runtime, {@code extraClasspath} (e.g. a script directory), then the jar. */
    FlinkJobProcess start(Path jar, Path extraClasspath, Path properties, Path log, List<String> jvmArgs) {
        List<Path> classpath = new ArrayList<>(FlinkClasspath.fromLocalRepository(M2, FLINK_VERSION));
        if (extraClasspath != null) {
            classpath.add(extraClasspath);
        }
        FlinkJobProcess process = FlinkJobProcess.start(
                new FlinkJobSpec(classpath, jar, null, properties, log, jvmArgs, null));
        processes.add(process);
        return process;
    }

    /** A job log kept after the test, under target/flink-it. */
    static Path log(String name) {
        return Path.of(System.getProperty("kinesisfanout.logDir", "target/flink-it"), name + ".log").toAbsolutePath();
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (FlinkJobProcess process : processes) {
            process.stop(Duration.ofSeconds(20));
        }
        kinesis.close();
        cloud.close();
    }
}
