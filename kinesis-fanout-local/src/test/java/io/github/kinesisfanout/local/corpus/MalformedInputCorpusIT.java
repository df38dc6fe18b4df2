package io.github.kinesisfanout.local.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Malformed SQL, templates and input schemas from {@code src/test/resources/malformed}: through the
 * real SDK clients each gets an error naming its line:column or resource, never a Java trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputCorpusIT {

    private static final String VALID_SQL = "CREATE OR REPLACE STREAM \"OUT\" (\"ID\" INTEGER);\n"
            + "CREATE OR REPLACE PUMP \"P\" AS INSERT INTO \"OUT\" SELECT STREAM \"ID\" FROM \"SOURCE_SQL_STREAM_001\";\n";
    private static final String VALID_SCHEMA = "{\"RecordFormat\":{\"RecordFormatType\":\"JSON\",\"MappingParameters\":"
            + "{\"JSONMappingParameters\":{\"RecordRowPath\":\"$\"}}},\"RecordColumns\":[{\"Name\":\"ID\","
            + "\"SqlType\":\"INTEGER\",\"Mapping\":\"$.ID\"}]}";
    private static final Properties EXPECTED = load("malformed/expected.properties");
    private LocalCloud cloud;
    private KinesisAnalyticsClient analytics;
    private CloudFormationClient cloudFormation;
    private int applications;

    @BeforeAll
    void start() {
        cloud = LocalCloud.builder().build().start();
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "any"));
        analytics = KinesisAnalyticsClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        cloudFormation = CloudFormationClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        try (KinesisClient kinesis = KinesisClient.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            kinesis.createStream(r -> r.streamName("in").shardCount(1));
        }
    }

    @AfterAll
    void stop() {
        analytics.close();
        cloudFormation.close();
        cloud.close();
    }

    Stream<String> corpus() {
        return EXPECTED.stringPropertyNames().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void getsALocatedErrorWithoutATrace(String file) {
        String text = resource("malformed/" + file);
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> submit(file, text));
        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.contains(EXPECTED.getProperty(file)), file + ": " + message);
        assertFalse(message.contains("java.lang.") || message.contains("Exception:") || message.contains("\tat "),
                file + ": " + message);
    }

    private void submit(String file, String text) {
        if (file.startsWith("templates/")) {
            cloudFormation.validateTemplate(r -> r.templateBody(text));
            cloudFormation.createStack(r -> r.stackName("corpus" + applications++).templateBody(text));
            return;
        }
        String sql = file.startsWith("sql/") ? text : VALID_SQL;
        SourceSchema schema = schema(file.startsWith("schemas/") ? text : VALID_SCHEMA);
        analytics.createApplication(r -> r.applicationName("corpus" + applications++).applicationCode(sql)
                .inputs(i -> i.namePrefix("SOURCE_SQL_STREAM").inputSchema(schema).kinesisStreamsInput(k -> k
                        .resourceARN("arn:aws:kinesis:us-east-1:000000000000:stream/in")
                        .roleARN("arn:aws:iam::000000000000:role/r"))));
    }

    /** The schema as the SDK model, from its JSON (member names as in the API). */
    private static SourceSchema schema(String json) {
        try {
            var tree = new ObjectMapper().readTree(json);
            var format = tree.path("RecordFormat");
            return SourceSchema.builder()
                    .recordFormat(f -> f.recordFormatType(format.path("RecordFormatType").asText())
                            .mappingParameters(format.has("MappingParameters") ? m -> m.jsonMappingParameters(j -> j
                                    .recordRowPath(format.at("/MappingParameters/JSONMappingParameters/RecordRowPath")
                                            .asText())) : m -> { }))
                    .recordColumns(java.util.stream.StreamSupport.stream(tree.path("RecordColumns").spliterator(), false)
                            .map(c -> software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn.builder()
                                    .name(c.path("Name").asText()).sqlType(c.path("SqlType").asText())
                                    .mapping(c.path("Mapping").asText(null)).build()).toList())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = MalformedInputCorpusIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = MalformedInputCorpusIT.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
