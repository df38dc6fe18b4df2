package io.github.kinesisfanout.local.bench.soak;

import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.InputStartingPosition;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample pipeline deployed with the SDK as the plugin's goals do it: the consumer jar to S3,
 * the template through CloudFormation (outputs read back), then the SQL application wired to the
 * stack's streams and role; and the application's stop and start from LAST_STOPPED_POINT.
 */
final class SoakStack {

    static final String STACK = "fanout-soak";
    static final String APP = "fanout-soak";
    static final String NAME_PREFIX = "SOURCE_SQL_STREAM";
    static final List<String> OUTPUTS = List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS");

    private final Supplier<URI> endpoint;
    final Path sampleDir;
    Map<String, String> outputs = new HashMap<>();

    SoakStack(Supplier<URI> endpoint, Path sampleDir) {
        this.endpoint = endpoint;
        this.sampleDir = sampleDir;
    }

    String sql() throws IOException {
        return Files.readString(sampleDir.resolve("src/main/sql/application.sql"));
    }

    InputSchema schema() throws IOException {
        return InputSchemaJson.read(Files.readString(sampleDir.resolve("src/main/schema/input-schema.json")),
                NAME_PREFIX);
    }

    /** The output stream name and consumer function of each in-application output stream. */
    Map<String, String[]> routes() {
        return Map.of("POSITIVE_TRANSACTIONS", new String[] {outputs.get("PositiveStreamName"),
                outputs.get("PositiveFunctionName")}, "NEGATIVE_TRANSACTIONS", new String[] {
                outputs.get("NegativeStreamName"), outputs.get("NegativeFunctionName")});
    }

    void deploy(int inputShards, int outputShards) throws IOException, InterruptedException {
        Path jar = sampleDir.resolve("target/kinesis-fanout-sample.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with"
                    + " ./mvnw -pl sample-project package -DskipTests");
        }
        String bucket = "fanout-soak-artifacts";
        try (S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), endpoint.get())) {
            s3.createBucket(b -> b.bucket(bucket));
            s3.putObject(p -> p.bucket(bucket).key("kinesis-fanout-sample.jar"), RequestBody.fromFile(jar));
        }
        String template = SoakTemplate.rewrite(Files.readString(sampleDir.resolve(
                "src/main/cloudformation/fanout-stack.yaml")), bucket, "kinesis-fanout-sample.jar", inputShards,
                outputShards);
        try (CloudFormationClient cloudFormation = SdkClients.client(CloudFormationClient.builder(), endpoint.get())) {
            cloudFormation.createStack(c -> c.stackName(STACK).templateBody(template)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM));
            Stack stack = null;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                stack = cloudFormation.describeStacks(d -> d.stackName(STACK)).stacks().get(0);
                if (!stack.stackStatusAsString().endsWith("IN_PROGRESS")) {
                    break;
                }
                Thread.sleep(200);
            }
            if (stack == null || !stack.stackStatusAsString().equals("CREATE_COMPLETE")) {
                throw new IllegalStateException("stack " + STACK + " is " + (stack == null ? "missing"
                        : stack.stackStatusAsString() + ": " + stack.stackStatusReason()));
            }
            stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        }
    }

    void createAndStartApp() throws IOException, InterruptedException {
        InputSchema schema = schema();
        String role = outputs.get("ApplicationRoleArn");
        try (KinesisAnalyticsClient analytics = analytics()) {
            analytics.createApplication(c -> c.applicationName(APP).applicationCode(sqlUnchecked())
                    .inputs(i -> i.namePrefix(NAME_PREFIX)
                            .kinesisStreamsInput(k -> k.resourceARN(outputs.get("InputStreamArn")).roleARN(role))
                            .inputSchema(s -> s.recordEncoding("UTF-8")
                                    .recordFormat(f -> f.recordFormatType("JSON").mappingParameters(m -> m
                                            .jsonMappingParameters(j -> j.recordRowPath("$"))))
                                    .recordColumns(schema.columns().stream().map(col -> RecordColumn.builder()
                                            .name(col.name()).sqlType(col.sqlType()).mapping(col.mapping()).build())
                                            .toList())))
                    .outputs(output("POSITIVE_TRANSACTIONS", "PositiveStreamArn", role),
                            output("NEGATIVE_TRANSACTIONS", "NegativeStreamArn", role),
                            output("error_stream", "ErrorStreamArn", role)));
        }
        start(InputStartingPosition.TRIM_HORIZON);
    }

    private String sqlUnchecked() {
        try {
            return sql();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Output output(String name, String arnKey, String role) {
        return Output.builder().name(name).kinesisStreamsOutput(k -> k.resourceARN(outputs.get(arnKey)).roleARN(role))
                .destinationSchema(d -> d.recordFormatType("JSON")).build();
    }

    void stopApp() throws InterruptedException {
        try (KinesisAnalyticsClient analytics = analytics()) {
            analytics.stopApplication(s -> s.applicationName(APP));
            awaitStatus(analytics, "READY");
        }
    }

    void start(InputStartingPosition position) throws InterruptedException {
        try (KinesisAnalyticsClient analytics = analytics()) {
            String inputId = analytics.describeApplication(d -> d.applicationName(APP)).applicationDetail()
                    .inputDescriptions().get(0).inputId();
            analytics.startApplication(s -> s.applicationName(APP).inputConfigurations(c -> c.id(inputId)
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition(position))));
            awaitStatus(analytics, "RUNNING");
        }
    }

    private static void awaitStatus(KinesisAnalyticsClient analytics, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String now = null;
        while (System.nanoTime() < deadline) {
            now = analytics.describeApplication(d -> d.applicationName(APP)).applicationDetail()
                    .applicationStatusAsString();
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("application " + APP + " is " + now + ", not " + status + " after 2 minutes");
    }

    private KinesisAnalyticsClient analytics() {
        return SdkClients.client(KinesisAnalyticsClient.builder(), endpoint.get());
    }
}
