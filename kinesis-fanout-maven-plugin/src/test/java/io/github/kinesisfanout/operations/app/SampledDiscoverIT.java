package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.SharedLocalCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/** discover-schema by GetRecords sampling, with the real SDK against a local cloud, compared with its DiscoverInputSchema. */
class SampledDiscoverIT extends SharedLocalCloud {

    private static final String ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/";
    private static final String ROLE = "arn:aws:iam::000000000000:role/fanout";

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void info(String message) {
            progress.add(message);
        }

        @Override
        public void warn(String message) {
            progress.add(message);
        }

        @Override
        public void debug(String message) {
        }
    };
    private KinesisClient kinesis;
    private KinesisAnalyticsClient analytics;
    private String stream;
    private static int streams;

    @BeforeEach
    void createStream() {
        kinesis = clients.kinesis();
        analytics = clients.client(KinesisAnalyticsClient.builder());
        stream = "Sampled" + ++streams;
        kinesis.createStream(r -> r.streamName(stream).shardCount(2));
        kinesis.waiter().waitUntilStreamExists(r -> r.streamName(stream));
    }

    @AfterEach
    void close() {
        kinesis.close();
        analytics.close();
    }

    private void put(String... records) {
        for (int i = 0; i < records.length; i++) {
            String data = records[i];
            String key = "k" + i;
            kinesis.putRecord(r -> r.streamName(stream).partitionKey(key).data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
        }
    }

    private SampledDiscoverOperation sampled() {
        return new SampledDiscoverOperation(new StreamSampler(kinesis, listener), listener);
    }

    private static StreamSampler.Settings from(String position, int max) {
        return new StreamSampler.Settings(position, null, max, Duration.ofSeconds(5));
    }

    @Test
    void jsonSampleWritesTheFileDiscoverInputSchemaWrites() throws Exception {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add("{\"ID\":" + (i * 30) + ",\"USERNAME\":\"user" + i + "\",\"AMOUNT\":" + (i - 5) + ".5,\"geo\":{\"ok\":true}}");
        }
        put(records.toArray(String[]::new));
        Path service = dir.resolve("service.json");
        Path local = dir.resolve("local.json");
        new DiscoverSchemaOperation(new AnalyticsApps(analytics, listener, Duration.ofSeconds(30), false))
                .run(ARN + stream, ROLE, "TRIM_HORIZON", service, false);
        List<RecordColumn> columns = sampled().run(ARN + stream, from("TRIM_HORIZON", 100), local, false);
        assertEquals(Files.readString(service), Files.readString(local));
        assertEquals(List.of("ID SMALLINT $.ID", "USERNAME VARCHAR(8) $.USERNAME", "AMOUNT REAL $.AMOUNT",
                "geo_ok BOOLEAN $.geo.ok"), columns.stream().map(c -> c.name() + " " + c.sqlType() + " " + c.mapping()).toList());
        assertTrue(progress.contains("Discovered JSON records, 4 column(s), from 12 sampled record(s):"), progress.toString());
        sampled().run(ARN + stream, from("TRIM_HORIZON", 100), local, true);
        assertTrue(progress.contains("The discovered schema matches " + local), progress.toString());
    }

    @Test
    void csvSampleWritesTheFileDiscoverInputSchemaWrites() throws Exception {
        put("1,alice,12.5", "2,bob,-3", "3,carol-anne,7");
        Path service = dir.resolve("service.json");
        Path local = dir.resolve("local.json");
        new DiscoverSchemaOperation(new AnalyticsApps(analytics, listener, Duration.ofSeconds(30), false))
                .run(ARN + stream, ROLE, "TRIM_HORIZON", service, false);
        sampled().run(ARN + stream, from("TRIM_HORIZON", 100), local, false);
        assertEquals(Files.readString(service), Files.readString(local));
        assertEquals(List.of("COL_0 TINYINT", "COL_1 VARCHAR(16)", "COL_2 REAL"),
                SchemaFile.read(local).stream().map(c -> c.name() + " " + c.sqlType()).toList());
    }

    @Test
    void theSampleStopsAtItsSize() {
        put("{\"N\":1}", "{\"N\":2}", "{\"N\":3}", "{\"N\":4}", "{\"N\":5}");
        assertEquals(3, new StreamSampler(kinesis, listener).sample(ARN + stream, from("TRIM_HORIZON", 3)).size());
        assertEquals(5, new StreamSampler(kinesis, listener).sample(ARN + stream, from("TRIM_HORIZON", 100)).size());
    }

    @Test
    void anEmptyStreamFailsNamingTheStreamAndTheFix() {
        var error = assertThrows(FanoutException.class, () -> sampled().run(ARN + stream,
                new StreamSampler.Settings("LATEST", null, 100, Duration.ofSeconds(1)), dir.resolve("s.json"), false));
        assertTrue(error.getMessage().startsWith("No records in " + ARN + stream + " from LATEST within 1 s"), error.getMessage());
        assertTrue(error.getMessage().contains("put records first"), error.getMessage());
        assertTrue(Files.notExists(dir.resolve("s.json")));
    }

    @Test
    void freeTextFailsWithTheSampledRecords() {
        put("just some words");
        var error = assertThrows(FanoutException.class, () -> sampled().run(ARN + stream, from("TRIM_HORIZON", 100),
                dir.resolve("s.json"), false));
        assertEquals("No schema detected in " + ARN + stream + " from TRIM_HORIZON: the 1 sampled records are neither JSON"
                + " objects nor consistently delimited text. Sampled records: just some words", error.getMessage());
    }
}
