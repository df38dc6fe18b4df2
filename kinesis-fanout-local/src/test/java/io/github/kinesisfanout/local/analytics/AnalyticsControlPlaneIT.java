package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalytics.model.ConcurrentModificationException;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalytics.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisanalytics.model.ListApplicationsResponse;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;
import software.amazon.awssdk.services.kinesisanalytics.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisanalytics.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisanalytics.model.Tag;
import software.amazon.awssdk.services.kinesisanalytics.model.TooManyTagsException;

/** The control plane with the real SDK client: every operation, its validations and its errors. */
class AnalyticsControlPlaneIT extends LocalCloudFixture {

    static final String ROLE = "arn:aws:iam::000000000000:role/fanout";
    static final String INPUT_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/Transactions";

    private ApplicationDetail describe(String name) {
        return analytics.describeApplication(r -> r.applicationName(name)).applicationDetail();
    }

    static Output.Builder kinesisOutput(Output.Builder output, String name, String streamArn) {
        return output.name(name).kinesisStreamsOutput(k -> k.resourceARN(streamArn).roleARN(ROLE))
                .destinationSchema(d -> d.recordFormatType("JSON"));
    }

    @Test
    void createShowsAReadyApplicationAtVersionOneWithItsInputAndOutputs() {
        Instant before = Instant.now().minusSeconds(1);
        var summary = analytics.createApplication(r -> r.applicationName("fanout").applicationDescription("routes")
                .inputs(TransactionApp.input(INPUT_ARN, 2))
                .outputs(o -> kinesisOutput(o, "POSITIVE_TRANSACTIONS", "arn:aws:kinesis:us-east-1:000000000000:stream/P")))
                .applicationSummary();
        assertEquals("arn:aws:kinesisanalytics:us-east-1:000000000000:application/fanout", summary.applicationARN());
        assertEquals(ApplicationStatus.READY, summary.applicationStatus());
        ApplicationDetail detail = describe("fanout");
        assertEquals(1L, detail.applicationVersionId());
        assertEquals("routes", detail.applicationDescription());
        assertEquals(detail.createTimestamp(), detail.lastUpdateTimestamp());
        assertTrue(detail.createTimestamp().isAfter(before));
        var input = detail.inputDescriptions().get(0);
        assertEquals("1.1", input.inputId());
        assertEquals(List.of("SOURCE_SQL_STREAM_001", "SOURCE_SQL_STREAM_002"), input.inAppStreamNames());
        assertEquals(INPUT_ARN, input.kinesisStreamsInputDescription().resourceARN());
        assertEquals(2, input.inputParallelism().count());
        assertEquals("$.AMOUNT", input.inputSchema().recordColumns().get(2).mapping());
        assertNull(input.inputStartingPositionConfiguration().inputStartingPosition());
        assertEquals("1.1", detail.outputDescriptions().get(0).outputId());
        assertEquals("POSITIVE_TRANSACTIONS", detail.outputDescriptions().get(0).name());

        assertThrows(ResourceInUseException.class, () -> analytics.createApplication(r -> r.applicationName("fanout")));
    }

    @Test
    void invalidNamesAndShapesAreInvalidArguments() {
        var bad = assertThrows(InvalidArgumentException.class,
                () -> analytics.createApplication(r -> r.applicationName("no spaces")));
        assertTrue(bad.getMessage().contains("applicationName"), bad.getMessage());
        var twoDestinations = assertThrows(InvalidArgumentException.class, () -> analytics.createApplication(r -> r
                .applicationName("a").outputs(o -> kinesisOutput(o, "S", INPUT_ARN)
                        .lambdaOutput(l -> l.resourceARN("arn:aws:lambda:us-east-1:000000000000:function:f").roleARN(ROLE)))));
        assertTrue(twoDestinations.getMessage().contains("exactly one"), twoDestinations.getMessage());
        assertThrows(InvalidArgumentException.class, () -> analytics.createApplication(r -> r.applicationName("a")
                .outputs(o -> kinesisOutput(o, "S", INPUT_ARN).kinesisStreamsOutput(k -> k.resourceARN(INPUT_ARN).roleARN("not-a-role")))));
        var firehoseRole = assertThrows(InvalidArgumentException.class, () -> analytics.createApplication(r -> r
                .applicationName("a").outputs(o -> o.name("S").destinationSchema(d -> d.recordFormatType("JSON"))
                        .kinesisFirehoseOutput(f -> f.resourceARN("arn:aws:firehose:us-east-1:000000000000:deliverystream/d")
                                .roleARN("not-a-role")))));
        assertTrue(firehoseRole.getMessage().contains("outputs.1.kinesisFirehoseOutput.roleARN"), firehoseRole.getMessage());
        assertThrows(ResourceNotFoundException.class, () -> describe("missing"));
    }

    @Test
    void listApplicationsPagesInNameOrder() {
        for (String name : List.of("c", "a", "b")) {
            analytics.createApplication(r -> r.applicationName(name));
        }
        ListApplicationsResponse first = analytics.listApplications(r -> r.limit(2));
        assertEquals(List.of("a", "b"), first.applicationSummaries().stream().map(s -> s.applicationName()).toList());
        assertTrue(first.hasMoreApplications());
        ListApplicationsResponse rest = analytics.listApplications(r -> r.exclusiveStartApplicationName("b"));
        assertEquals(List.of("c"), rest.applicationSummaries().stream().map(s -> s.applicationName()).toList());
        assertFalse(rest.hasMoreApplications());
    }

    @Test
    void everyConfigurationChangeNeedsTheCurrentVersionAndMakesANewOne() {
        analytics.createApplication(r -> r.applicationName("app"));
        var stale = assertThrows(ConcurrentModificationException.class, () -> analytics.addApplicationOutput(r -> r
                .applicationName("app").currentApplicationVersionId(7L).output(o -> kinesisOutput(o, "S1", INPUT_ARN))));
        assertTrue(stale.getMessage().contains("(7)"), stale.getMessage());
        for (int i = 1; i <= 3; i++) {
            long version = i;
            String name = "S" + i;
            analytics.addApplicationOutput(r -> r.applicationName("app").currentApplicationVersionId(version)
                    .output(o -> kinesisOutput(o, name, INPUT_ARN)));
        }
        ApplicationDetail detail = describe("app");
        assertEquals(4L, detail.applicationVersionId());
        assertEquals(List.of("1.1", "2.1", "3.1"), detail.outputDescriptions().stream().map(o -> o.outputId()).toList());
        assertTrue(detail.lastUpdateTimestamp().compareTo(detail.createTimestamp()) >= 0);
        assertThrows(InvalidArgumentException.class, () -> analytics.addApplicationOutput(r -> r.applicationName("app")
                .currentApplicationVersionId(4L).output(o -> kinesisOutput(o, "S4", INPUT_ARN))));
        analytics.deleteApplicationOutput(r -> r.applicationName("app").currentApplicationVersionId(4L).outputId("2.1"));
        assertThrows(ResourceNotFoundException.class, () -> analytics.deleteApplicationOutput(r -> r
                .applicationName("app").currentApplicationVersionId(5L).outputId("2.1")));
        analytics.updateApplication(r -> r.applicationName("app").currentApplicationVersionId(5L)
                .applicationUpdate(u -> u.outputUpdates(o -> o.outputId("3.1").nameUpdate("RENAMED")
                        .destinationSchemaUpdate(d -> d.recordFormatType("CSV")))));
        detail = describe("app");
        assertEquals(6L, detail.applicationVersionId());
        assertEquals(List.of("S1", "RENAMED"), detail.outputDescriptions().stream().map(o -> o.name()).toList());
        assertEquals("CSV", detail.outputDescriptions().get(1).destinationSchema().recordFormatTypeAsString());
    }

    @Test
    void inputsReferencesLoggingAndProcessingComeAndGo() {
        analytics.createApplication(r -> r.applicationName("app"));
        analytics.addApplicationInput(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .input(TransactionApp.input(INPUT_ARN, 1)));
        assertThrows(InvalidArgumentException.class, () -> analytics.addApplicationInput(r -> r.applicationName("app")
                .currentApplicationVersionId(2L).input(TransactionApp.input(INPUT_ARN, 1))));
        String lambda = "arn:aws:lambda:us-east-1:000000000000:function:pre";
        analytics.addApplicationInputProcessingConfiguration(r -> r.applicationName("app").currentApplicationVersionId(2L)
                .inputId("1.1").inputProcessingConfiguration(p -> p.inputLambdaProcessor(l -> l.resourceARN(lambda).roleARN(ROLE))));
        assertEquals(lambda, describe("app").inputDescriptions().get(0).inputProcessingConfigurationDescription()
                .inputLambdaProcessorDescription().resourceARN());
        analytics.deleteApplicationInputProcessingConfiguration(r -> r.applicationName("app")
                .currentApplicationVersionId(3L).inputId("1.1"));
        analytics.addApplicationCloudWatchLoggingOption(r -> r.applicationName("app").currentApplicationVersionId(4L)
                .cloudWatchLoggingOption(c -> c.logStreamARN("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:s").roleARN(ROLE)));
        assertEquals("1.1", describe("app").cloudWatchLoggingOptionDescriptions().get(0).cloudWatchLoggingOptionId());
        analytics.deleteApplicationCloudWatchLoggingOption(r -> r.applicationName("app").currentApplicationVersionId(5L)
                .cloudWatchLoggingOptionId("1.1"));
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(6L)
                .referenceDataSource(s -> s.tableName("COMPANIES")
                        .s3ReferenceDataSource(s3 -> s3.bucketARN("arn:aws:s3:::ref").fileKey("companies.csv").referenceRoleARN(ROLE))
                        .referenceSchema(TransactionApp.schema())));
        assertEquals("COMPANIES", describe("app").referenceDataSourceDescriptions().get(0).tableName());
        analytics.deleteApplicationReferenceDataSource(r -> r.applicationName("app").currentApplicationVersionId(7L)
                .referenceId("1.1"));
        ApplicationDetail detail = describe("app");
        assertEquals(8L, detail.applicationVersionId());
        assertTrue(detail.referenceDataSourceDescriptions().isEmpty());
        assertTrue(detail.cloudWatchLoggingOptionDescriptions().isEmpty());
        assertNull(detail.inputDescriptions().get(0).inputProcessingConfigurationDescription());
    }

    @Test
    void startAndStopFollowTheStateMachine() {
        analytics.createApplication(r -> r.applicationName("app"));
        assertThrows(ResourceInUseException.class, () -> analytics.stopApplication(r -> r.applicationName("app")));
        var noInput = assertThrows(InvalidArgumentException.class, () -> analytics.startApplication(r -> r
                .applicationName("app").inputConfigurations(c -> c.id("1.1").inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW")))));
        assertTrue(noInput.getMessage().contains("1.1"), noInput.getMessage());
        analytics.addApplicationInput(r -> r.applicationName("app").currentApplicationVersionId(1L)
                .input(TransactionApp.input(INPUT_ARN, 1)));
        var missingStream = assertThrows(InvalidApplicationConfigurationException.class, () -> analytics.startApplication(r -> r
                .applicationName("app").inputConfigurations(c -> c.id("1.1").inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW")))));
        assertTrue(missingStream.getMessage().contains(INPUT_ARN) || missingStream.getMessage().contains("code"),
                missingStream.getMessage());
        assertEquals(ApplicationStatus.READY, describe("app").applicationStatus());
    }

    @Test
    void deleteChecksTheCreationTimeAtTheClientsPrecision() {
        analytics.createApplication(r -> r.applicationName("app"));
        Instant created = describe("app").createTimestamp();
        var mismatch = assertThrows(ConcurrentModificationException.class, () -> analytics.deleteApplication(r -> r
                .applicationName("app").createTimestamp(created.minusSeconds(5))));
        assertTrue(mismatch.getMessage().contains("CreateTimestamp"), mismatch.getMessage());
        analytics.deleteApplication(r -> r.applicationName("app").createTimestamp(Instant.ofEpochSecond(created.getEpochSecond())));
        assertThrows(ResourceNotFoundException.class, () -> describe("app"));

        analytics.createApplication(r -> r.applicationName("again"));
        Instant exact = describe("again").createTimestamp();
        analytics.deleteApplication(r -> r.applicationName("again").createTimestamp(exact));
        assertThrows(ResourceNotFoundException.class, () -> analytics.deleteApplication(r -> r
                .applicationName("again").createTimestamp(exact)));
    }

    @Test
    void tagsAreListedReplacedRemovedAndLimited() {
        String arn = analytics.createApplication(r -> r.applicationName("app").tags(Tag.builder().key("team").value("a").build()))
                .applicationSummary().applicationARN();
        analytics.tagResource(r -> r.resourceARN(arn).tags(Tag.builder().key("team").value("b").build(),
                Tag.builder().key("env").value("dev").build()));
        assertEquals("env=dev,team=b", tags(arn));
        analytics.untagResource(r -> r.resourceARN(arn).tagKeys("team"));
        assertEquals("env=dev", tags(arn));
        List<Tag> many = IntStream.range(0, 50).mapToObj(i -> Tag.builder().key("k" + i).value("v").build()).toList();
        assertThrows(TooManyTagsException.class, () -> analytics.tagResource(r -> r.resourceARN(arn).tags(many)));
        assertThrows(ResourceNotFoundException.class, () -> analytics.listTagsForResource(r -> r
                .resourceARN("arn:aws:kinesisanalytics:us-east-1:000000000000:application/missing")));
        assertEquals(1L, describe("app").applicationVersionId());
    }

    private String tags(String arn) {
        return analytics.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .map(t -> t.key() + "=" + t.value()).sorted().collect(Collectors.joining(","));
    }
}
