package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/** Valid requests for every Kinesis Analytics (v1) operation the local cloud implements, plus a few that fail. */
final class AnalyticsFlow {

    static final String SQL = "CREATE OR REPLACE STREAM \"OUT\" (N INTEGER);\n"
            + "CREATE OR REPLACE PUMP \"P\" AS INSERT INTO \"OUT\" SELECT STREAM N FROM \"SOURCE_SQL_STREAM_001\";\n";

    private AnalyticsFlow() {
    }

    static void run(KinesisAnalyticsClient analytics, String streamArn, String functionArn) {
        String role = LambdaFlow.ROLE;
        String appArn = analytics.createApplication(r -> r.applicationName("conform").applicationCode(SQL)
                .inputs(input(streamArn)).tags(t -> t.key("team").value("data"))).applicationSummary().applicationARN();
        analytics.listApplications(r -> { });
        analytics.addApplicationOutput(r -> r.applicationName("conform").currentApplicationVersionId(version(analytics))
                .output(o -> o.name("OUT").kinesisStreamsOutput(k -> k.resourceARN(streamArn).roleARN(role))
                        .destinationSchema(d -> d.recordFormatType("JSON"))));
        String outputId = analytics.describeApplication(r -> r.applicationName("conform")).applicationDetail()
                .outputDescriptions().get(0).outputId();
        analytics.deleteApplicationOutput(r -> r.applicationName("conform").currentApplicationVersionId(version(analytics))
                .outputId(outputId));
        analytics.addApplicationReferenceDataSource(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).referenceDataSource(s -> s.tableName("REF")
                        .s3ReferenceDataSource(s3 -> s3.bucketARN("arn:aws:s3:::ref").fileKey("ref.csv")
                                .referenceRoleARN(role)).referenceSchema(schema())));
        String referenceId = analytics.describeApplication(r -> r.applicationName("conform")).applicationDetail()
                .referenceDataSourceDescriptions().get(0).referenceId();
        analytics.deleteApplicationReferenceDataSource(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).referenceId(referenceId));
        analytics.addApplicationCloudWatchLoggingOption(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).cloudWatchLoggingOption(o -> o
                        .logStreamARN("arn:aws:logs:us-east-1:000000000000:log-group:/a:log-stream:s").roleARN(role)));
        String loggingId = analytics.describeApplication(r -> r.applicationName("conform")).applicationDetail()
                .cloudWatchLoggingOptionDescriptions().get(0).cloudWatchLoggingOptionId();
        analytics.deleteApplicationCloudWatchLoggingOption(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).cloudWatchLoggingOptionId(loggingId));
        analytics.addApplicationInputProcessingConfiguration(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).inputId("1.1").inputProcessingConfiguration(
                        p -> p.inputLambdaProcessor(l -> l.resourceARN(functionArn).roleARN(role))));
        analytics.deleteApplicationInputProcessingConfiguration(r -> r.applicationName("conform")
                .currentApplicationVersionId(version(analytics)).inputId("1.1"));
        analytics.updateApplication(r -> r.applicationName("conform").currentApplicationVersionId(version(analytics))
                .applicationUpdate(u -> u.applicationCodeUpdate(SQL)));
        analytics.tagResource(r -> r.resourceARN(appArn).tags(t -> t.key("stage").value("test")));
        analytics.listTagsForResource(r -> r.resourceARN(appArn));
        analytics.untagResource(r -> r.resourceARN(appArn).tagKeys("stage"));
        analytics.discoverInputSchema(r -> r.resourceARN(streamArn).roleARN(role)
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("TRIM_HORIZON")));
        analytics.createApplication(r -> r.applicationName("second"));
        analytics.addApplicationInput(r -> r.applicationName("second").currentApplicationVersionId(1L)
                .input(input(streamArn)));
        analytics.startApplication(r -> r.applicationName("conform").inputConfigurations(c -> c.id("1.1")
                .inputStartingPositionConfiguration(p -> p.inputStartingPosition("NOW"))));
        analytics.describeApplication(r -> r.applicationName("conform"));
        analytics.stopApplication(r -> r.applicationName("conform"));
        Clients.expectError(() -> analytics.describeApplication(r -> r.applicationName("missing")));
        Clients.expectError(() -> analytics.createApplication(r -> r.applicationName("conform")));
        analytics.deleteApplication(r -> r.applicationName("second").createTimestamp(analytics.describeApplication(
                d -> d.applicationName("second")).applicationDetail().createTimestamp()));
    }

    private static long version(KinesisAnalyticsClient analytics) {
        return analytics.describeApplication(r -> r.applicationName("conform")).applicationDetail().applicationVersionId();
    }

    private static Input input(String streamArn) {
        return Input.builder().namePrefix("SOURCE_SQL_STREAM")
                .kinesisStreamsInput(k -> k.resourceARN(streamArn).roleARN(LambdaFlow.ROLE))
                .inputSchema(schema()).build();
    }

    private static SourceSchema schema() {
        return SourceSchema.builder().recordFormat(f -> f.recordFormatType("JSON")
                        .mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordColumns(RecordColumn.builder().name("N").sqlType("INTEGER").mapping("$.n").build()).build();
    }
}
