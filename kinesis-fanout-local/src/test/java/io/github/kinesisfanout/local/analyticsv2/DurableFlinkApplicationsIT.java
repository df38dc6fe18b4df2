package io.github.kinesisfanout.local.analyticsv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import io.github.kinesisfanout.local.storage.DataDirectoryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationOperationInfo;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationOperationInfoDetails;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationVersionSummary;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotDetails;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Managed Flink applications survive a restart on a data directory: configuration, versions, tags,
 * logging options, snapshots (their savepoints inside the directory) and operations come back; a
 * RUNNING application runs again from its newest snapshot, or is READY saying why; a transition cut
 * short by the stop finishes at the next start.
 */
class DurableFlinkApplicationsIT {

    private static final String LOG_STREAM = "arn:aws:logs:us-east-1:000000000000:log-group:/flink/orders:log-stream:app";

    @TempDir
    Path dir;

    @Test
    void applicationsComeBackWithTheirHistoryAndARunningOneRunsAgainFromItsSnapshot() {
        ApplicationDetail orders;
        ApplicationDetail idle;
        List<ApplicationVersionSummary> versions;
        SnapshotDetails snapshot;
        List<ApplicationOperationInfo> operations;
        FakeFlinkLauncher first = new FakeFlinkLauncher();
        try (LocalCloud cloud = cloud(first, Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            upload(cloud);
            flink.createApplication(FlinkFixture.application("orders").applicationDescription("routes orders")
                    .tags(tag("team", "data"), tag("env", "dev")).build());
            flink.updateApplication(b -> b.applicationName("orders").currentApplicationVersionId(1L)
                    .applicationConfigurationUpdate(u -> u.environmentPropertyUpdates(e -> e.propertyGroups(g -> g
                            .propertyGroupId("FanoutApplication").propertyMap(Map.of("input.stream", "orders"))))));
            String arn = flink.describeApplication(b -> b.applicationName("orders")).applicationDetail().applicationARN();
            flink.tagResource(b -> b.resourceARN(arn).tags(tag("owner", "ops")));
            flink.untagResource(b -> b.resourceARN(arn).tagKeys("env"));
            flink.startApplication(b -> b.applicationName("orders"));
            awaitStatus(flink, "orders", ApplicationStatus.RUNNING);
            flink.createApplicationSnapshot(b -> b.applicationName("orders").snapshotName("before-restart"));
            FlinkFixture.await(() -> snapshotStatus(flink, "orders", "before-restart") == SnapshotStatus.READY,
                    () -> "snapshot is " + snapshotStatus(flink, "orders", "before-restart"));
            flink.addApplicationCloudWatchLoggingOption(b -> b.applicationName("orders").currentApplicationVersionId(2L)
                    .cloudWatchLoggingOption(o -> o.logStreamARN(LOG_STREAM)));
            flink.createApplication(FlinkFixture.application("idle").build());
            flink.createApplication(FlinkFixture.application("unsnapped").build());
            flink.startApplication(b -> b.applicationName("unsnapped"));
            awaitStatus(flink, "unsnapped", ApplicationStatus.RUNNING);

            orders = flink.describeApplication(b -> b.applicationName("orders")).applicationDetail();
            idle = flink.describeApplication(b -> b.applicationName("idle")).applicationDetail();
            versions = flink.listApplicationVersions(b -> b.applicationName("orders")).applicationVersionSummaries();
            snapshot = flink.describeApplicationSnapshot(b -> b.applicationName("orders").snapshotName("before-restart"))
                    .snapshotDetails();
            operations = flink.listApplicationOperations(b -> b.applicationName("orders")).applicationOperationInfoList();
        }
        // Worked out from the calls above: three versions (create, update, logging option), the
        // snapshot taken at version 2, tags team and owner.
        assertEquals(List.of(3L, 2L, 1L), versions.stream().map(ApplicationVersionSummary::applicationVersionId).toList());
        assertEquals(List.of("AddApplicationCloudWatchLoggingOption", "StartApplication", "UpdateApplication"),
                operations.stream().map(ApplicationOperationInfo::operation).toList());

        FakeFlinkLauncher second = new FakeFlinkLauncher();
        try (LocalCloud cloud = cloud(second, Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            awaitStatus(flink, "orders", ApplicationStatus.RUNNING);
            ApplicationDetail after = flink.describeApplication(b -> b.applicationName("orders")).applicationDetail();
            assertEquals(orders, after);
            assertEquals(3L, after.applicationVersionId());
            assertEquals("routes orders", after.applicationDescription());
            assertEquals(LOG_STREAM, after.cloudWatchLoggingOptionDescriptions().get(0).logStreamARN());
            assertEquals(Map.of("input.stream", "orders"), after.applicationConfigurationDescription()
                    .environmentPropertyDescriptions().propertyGroupDescriptions().get(0).propertyMap());
            assertEquals(versions, flink.listApplicationVersions(b -> b.applicationName("orders"))
                    .applicationVersionSummaries());
            assertEquals(List.of(ApplicationStatus.READY, ApplicationStatus.READY), flink.listApplicationVersions(b -> b
                    .applicationName("orders")).applicationVersionSummaries().subList(1, 3).stream()
                    .map(ApplicationVersionSummary::applicationStatus).toList());
            assertEquals(ApplicationStatus.RUNNING, flink.describeApplicationVersion(b -> b.applicationName("orders")
                    .applicationVersionId(3L)).applicationVersionDetail().applicationStatus());

            List<SnapshotDetails> snapshots = flink.listApplicationSnapshots(b -> b.applicationName("orders"))
                    .snapshotSummaries();
            assertEquals(List.of(snapshot), snapshots);
            assertEquals(2L, snapshots.get(0).applicationVersionId());
            assertEquals(SnapshotStatus.READY, snapshots.get(0).snapshotStatus());

            assertEquals(Map.of("team", "data", "owner", "ops"), flink.listTagsForResource(b -> b
                    .resourceARN(after.applicationARN())).tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)));

            // The job runs again from the snapshot's savepoint, which lives in the data directory.
            FlinkJobRequest restart = second.requests.stream()
                    .filter(r -> r.applicationArn().equals(after.applicationARN())).findFirst().orElseThrow();
            assertTrue(restart.savepointToRestore().startsWith(dir.toAbsolutePath().toString()), restart.savepointToRestore());
            assertTrue(Files.exists(Path.of(restart.savepointToRestore(), "_metadata")));
            List<ApplicationOperationInfo> now = flink.listApplicationOperations(b -> b.applicationName("orders"))
                    .applicationOperationInfoList();
            assertEquals(operations, now.subList(1, 4));
            assertEquals(ApplicationRecovery.RESTART, now.get(0).operation());
            FlinkFixture.await(() -> "SUCCESSFUL".equals(operation(flink, "orders", now.get(0).operationId())
                    .operationStatusAsString()), () -> "restart not successful");

            assertEquals(idle, flink.describeApplication(b -> b.applicationName("idle")).applicationDetail());

            // No snapshot: back to READY, and the operation says why.
            assertEquals(ApplicationStatus.READY, status(flink, "unsnapped"));
            ApplicationOperationInfo restartInfo = flink.listApplicationOperations(b -> b.applicationName("unsnapped"))
                    .applicationOperationInfoList().get(0);
            assertEquals(ApplicationRecovery.RESTART, restartInfo.operation());
            ApplicationOperationInfoDetails details = operation(flink, "unsnapped", restartInfo.operationId());
            assertEquals("FAILED", details.operationStatusAsString());
            assertEquals("The local cloud restarted while application unsnapped was RUNNING, and the application has"
                    + " no READY snapshot to restore its job from, so it is READY: start it again with StartApplication.",
                    details.operationFailureDetails().errorInfo().errorString());
            assertEquals(1, second.requests.size(), "only orders runs again");
        }
    }

    @Test
    void transitionsCutShortByAStopFinishAtTheNextStart() {
        FakeFlinkLauncher first = new FakeFlinkLauncher();
        String startId;
        String stopId;
        String updateId;
        String savepoint;
        try (LocalCloud cloud = cloud(first, Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            upload(cloud);
            for (String name : List.of("starting", "stopping", "updating")) {
                flink.createApplication(FlinkFixture.application(name).build());
            }
            flink.startApplication(b -> b.applicationName("stopping"));
            flink.startApplication(b -> b.applicationName("updating"));
            awaitStatus(flink, "stopping", ApplicationStatus.RUNNING);
            awaitStatus(flink, "updating", ApplicationStatus.RUNNING);
            flink.createApplicationSnapshot(b -> b.applicationName("updating").snapshotName("s1"));
            FlinkFixture.await(() -> snapshotStatus(flink, "updating", "s1") == SnapshotStatus.READY, () -> "s1 not READY");
            savepoint = first.savepointsTaken.get(0);

            first.hold = new CountDownLatch(1);
            startId = flink.startApplication(b -> b.applicationName("starting")).operationId();
            stopId = flink.stopApplication(b -> b.applicationName("stopping")).operationId();
            updateId = flink.updateApplication(b -> b.applicationName("updating").currentApplicationVersionId(1L)
                    .applicationConfigurationUpdate(u -> u.environmentPropertyUpdates(e -> e.propertyGroups(g -> g
                            .propertyGroupId("FanoutApplication").propertyMap(Map.of("input.stream", "v2"))))))
                    .operationId();
            assertEquals(ApplicationStatus.STARTING, status(flink, "starting"));
            assertEquals(ApplicationStatus.STOPPING, status(flink, "stopping"));
            assertEquals(ApplicationStatus.UPDATING, status(flink, "updating"));
        }
        FakeFlinkLauncher second = new FakeFlinkLauncher();
        try (LocalCloud cloud = cloud(second, Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            awaitStatus(flink, "starting", ApplicationStatus.RUNNING);
            assertEquals("SUCCESSFUL", operation(flink, "starting", startId).operationStatusAsString());

            assertEquals(ApplicationStatus.READY, status(flink, "stopping"));
            ApplicationOperationInfoDetails stop = operation(flink, "stopping", stopId);
            assertEquals("FAILED", stop.operationStatusAsString());
            assertEquals("The local cloud stopped before the snapshot of this stop was taken; the application is READY"
                    + " without it.", stop.operationFailureDetails().errorInfo().errorString());

            awaitStatus(flink, "updating", ApplicationStatus.RUNNING);
            FlinkFixture.await(() -> "SUCCESSFUL".equals(operation(flink, "updating", updateId).operationStatusAsString()),
                    () -> "update not successful");
            assertEquals(2L, version(flink, "updating"));
            FlinkJobRequest update = second.requests.stream().filter(r -> r.applicationArn().endsWith("/updating"))
                    .findFirst().orElseThrow();
            assertEquals(savepoint, update.savepointToRestore());
            FlinkJobRequest start = second.requests.stream().filter(r -> r.applicationArn().endsWith("/starting"))
                    .findFirst().orElseThrow();
            assertNull(start.savepointToRestore(), "starting has no snapshot to restore");
            assertEquals(2, second.requests.size());
        }
    }

    @Test
    void aDeletionCutShortByAStopFinishesAtTheNextStart() throws Exception {
        try (LocalCloud cloud = cloud(new FakeFlinkLauncher(), Duration.ofHours(1)); KinesisAnalyticsV2Client flink = client(cloud)) {
            upload(cloud);
            ApplicationDetail created = flink.createApplication(FlinkFixture.application("gone").build()).applicationDetail();
            flink.createApplication(FlinkFixture.application("kept").build());
            flink.deleteApplication(b -> b.applicationName("gone").createTimestamp(created.createTimestamp()));
            assertEquals(ApplicationStatus.DELETING, status(flink, "gone"));
        }
        Path records = dir.resolve("kinesisanalyticsv2/applications/000000000000/us-east-1");
        assertTrue(Files.exists(records.resolve("gone.json")));
        try (LocalCloud cloud = cloud(new FakeFlinkLauncher(), Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            assertThrows(ResourceNotFoundException.class, () -> flink.describeApplication(b -> b.applicationName("gone")));
            assertEquals(List.of("kept"), flink.listApplications(b -> { }).applicationSummaries().stream()
                    .map(s -> s.applicationName()).toList());
            assertFalse(Files.exists(records.resolve("gone.json")));
        }
    }

    @Test
    void aRecordOfANewerFormatIsRefused() throws Exception {
        try (LocalCloud cloud = cloud(new FakeFlinkLauncher(), Duration.ZERO); KinesisAnalyticsV2Client flink = client(cloud)) {
            upload(cloud);
            flink.createApplication(FlinkFixture.application("future").build());
        }
        Path record = dir.resolve("kinesisanalyticsv2/applications/000000000000/us-east-1/future.json");
        String text = Files.readString(record, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"formatVersion\":1,"), text);
        Files.writeString(record, text.replace("{\"formatVersion\":1,", "{\"formatVersion\":2,"), StandardCharsets.UTF_8);
        DataDirectoryException refused = assertThrows(DataDirectoryException.class,
                () -> cloud(new FakeFlinkLauncher(), Duration.ZERO).close());
        assertEquals("Managed Flink application record " + record.toAbsolutePath() + " has format version 2, written by a"
                + " newer local cloud; this local cloud reads format version 1 only: use the matching version or another"
                + " data directory", refused.getMessage());
    }

    private LocalCloud cloud(FakeFlinkLauncher launcher, Duration delay) {
        return LocalCloud.builder().dataDirectory(dir).flinkJobLauncher(launcher).statusTransitionDelay(delay).build().start();
    }

    private static KinesisAnalyticsV2Client client(LocalCloud cloud) {
        return SdkClients.client(KinesisAnalyticsV2Client.builder(), cloud.endpoint());
    }

    private static void upload(LocalCloud cloud) {
        try (S3Client s3 = S3Client.builder().endpointOverride(cloud.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(b -> b.bucket("code").key(FlinkFixture.JAR_KEY), RequestBody.fromBytes(FlinkFixture.JAR));
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static ApplicationStatus status(KinesisAnalyticsV2Client flink, String name) {
        return flink.describeApplication(b -> b.applicationName(name)).applicationDetail().applicationStatus();
    }

    private static long version(KinesisAnalyticsV2Client flink, String name) {
        return flink.describeApplication(b -> b.applicationName(name)).applicationDetail().applicationVersionId();
    }

    private static void awaitStatus(KinesisAnalyticsV2Client flink, String name, ApplicationStatus expected) {
        FlinkFixture.await(() -> status(flink, name) == expected, () -> name + " is " + status(flink, name)
                + ", expected " + expected);
    }

    private static SnapshotStatus snapshotStatus(KinesisAnalyticsV2Client flink, String name, String snapshot) {
        return flink.describeApplicationSnapshot(b -> b.applicationName(name).snapshotName(snapshot)).snapshotDetails()
                .snapshotStatus();
    }

    private static ApplicationOperationInfoDetails operation(KinesisAnalyticsV2Client flink, String name, String id) {
        return flink.describeApplicationOperation(b -> b.applicationName(name).operationId(id))
                .applicationOperationInfoDetails();
    }
}
