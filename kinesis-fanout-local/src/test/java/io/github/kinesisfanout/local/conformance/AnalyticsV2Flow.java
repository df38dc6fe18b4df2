package io.github.kinesisfanout.local.conformance;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationRestoreType;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.CodeContentType;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ConfigurationType;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.RuntimeEnvironment;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotDetails;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.Tag;

/** Valid requests for every Managed Flink (kinesisanalyticsv2) operation the local cloud implements, plus a few that fail. */
final class AnalyticsV2Flow {

    private static final String APP = "conform-flink";
    private static final String LOG_STREAM = "arn:aws:logs:us-east-1:000000000000:log-group:/flink/conform:log-stream:job";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private AnalyticsV2Flow() {
    }

    static void run(KinesisAnalyticsV2Client flink) {
        String appArn = create(flink);
        flink.listApplications(r -> r.limit(10));
        flink.describeApplication(r -> r.applicationName(APP).includeAdditionalDetails(true));
        flink.addApplicationCloudWatchLoggingOption(r -> r.applicationName(APP).currentApplicationVersionId(version(flink))
                .cloudWatchLoggingOption(o -> o.logStreamARN(LOG_STREAM)));
        String loggingId = flink.describeApplication(r -> r.applicationName(APP)).applicationDetail()
                .cloudWatchLoggingOptionDescriptions().get(0).cloudWatchLoggingOptionId();
        flink.deleteApplicationCloudWatchLoggingOption(r -> r.applicationName(APP).conditionalToken(flink
                .describeApplication(d -> d.applicationName(APP)).applicationDetail().conditionalToken())
                .cloudWatchLoggingOptionId(loggingId));
        flink.updateApplication(r -> r.applicationName(APP).currentApplicationVersionId(version(flink))
                .applicationConfigurationUpdate(u -> u.environmentPropertyUpdates(e -> e.propertyGroups(g -> g
                        .propertyGroupId("FanoutApplication").propertyMap(Map.of("input.stream", "in2"))))));
        flink.describeApplicationVersion(r -> r.applicationName(APP).applicationVersionId(1L));
        flink.listApplicationVersions(r -> r.applicationName(APP));
        flink.tagResource(r -> r.resourceARN(appArn).tags(Tag.builder().key("stage").value("test").build()));
        flink.listTagsForResource(r -> r.resourceARN(appArn));
        flink.untagResource(r -> r.resourceARN(appArn).tagKeys("stage"));
        String startId = flink.startApplication(r -> r.applicationName(APP).runConfiguration(c -> c
                .applicationRestoreConfiguration(a -> a
                        .applicationRestoreType(ApplicationRestoreType.SKIP_RESTORE_FROM_SNAPSHOT))
                .flinkRunConfiguration(f -> f.allowNonRestoredState(false)))).operationId();
        awaitStatus(flink, ApplicationStatus.RUNNING);
        flink.createApplicationSnapshot(r -> r.applicationName(APP).snapshotName("conform-snapshot"));
        Clients.await("snapshot conform-snapshot READY", TIMEOUT,
                () -> snapshot(flink).snapshotStatus() == SnapshotStatus.READY);
        flink.listApplicationSnapshots(r -> r.applicationName(APP).limit(10));
        flink.stopApplication(r -> r.applicationName(APP));
        awaitStatus(flink, ApplicationStatus.READY);
        flink.deleteApplicationSnapshot(r -> r.applicationName(APP).snapshotName("conform-snapshot")
                .snapshotCreationTimestamp(snapshot(flink).snapshotCreationTimestamp()));
        flink.listApplicationOperations(r -> r.applicationName(APP));
        flink.describeApplicationOperation(r -> r.applicationName(APP).operationId(startId));
        Clients.expectError(() -> flink.describeApplication(r -> r.applicationName("missing")));
        Clients.expectError(() -> flink.stopApplication(r -> r.applicationName(APP)));
        Clients.expectError(() -> create(flink));
        flink.deleteApplication(r -> r.applicationName(APP).createTimestamp(flink.describeApplication(d -> d
                .applicationName(APP)).applicationDetail().createTimestamp()));
    }

    private static String create(KinesisAnalyticsV2Client flink) {
        return flink.createApplication(r -> r.applicationName(APP).applicationDescription("conformance")
                .runtimeEnvironment(RuntimeEnvironment.FLINK_1_19).serviceExecutionRole(LambdaFlow.ROLE)
                .tags(Tag.builder().key("team").value("data").build())
                .applicationConfiguration(c -> c
                        .applicationCodeConfiguration(code -> code.codeContentType(CodeContentType.ZIPFILE)
                                .codeContent(content -> content.zipFileContent(SdkBytes.fromByteArray(
                                        new byte[] {'P', 'K', 3, 4}))))
                        .environmentProperties(e -> e.propertyGroups(g -> g.propertyGroupId("FanoutApplication")
                                .propertyMap(Map.of("input.stream", "in"))))
                        .flinkApplicationConfiguration(f -> f.parallelismConfiguration(p -> p
                                .configurationType(ConfigurationType.CUSTOM).parallelism(2).parallelismPerKPU(1)
                                .autoScalingEnabled(false)))
                        .applicationSnapshotConfiguration(s -> s.snapshotsEnabled(true))))
                .applicationDetail().applicationARN();
    }

    private static long version(KinesisAnalyticsV2Client flink) {
        return flink.describeApplication(r -> r.applicationName(APP)).applicationDetail().applicationVersionId();
    }

    private static SnapshotDetails snapshot(KinesisAnalyticsV2Client flink) {
        return flink.describeApplicationSnapshot(r -> r.applicationName(APP).snapshotName("conform-snapshot"))
                .snapshotDetails();
    }

    private static void awaitStatus(KinesisAnalyticsV2Client flink, ApplicationStatus expected) {
        Clients.await(APP + " " + expected, TIMEOUT, () -> flink.describeApplication(r -> r.applicationName(APP))
                .applicationDetail().applicationStatus() == expected);
    }
}
