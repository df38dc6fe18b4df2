package io.github.kinesisfanout.local.analyticsv2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationRestoreType;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.InvalidApplicationConfigurationException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.OperationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.UnsupportedOperationException;

/** Start, stop, snapshots and restore through a fake launcher: the state machine and what jobs are given. */
class FlinkLifecycleIT extends FlinkFixture {

    private static final String LOG_STREAM = "arn:aws:logs:us-east-1:000000000000:log-group:/flink/app:log-stream:job";

    @Test
    void startRunsTheUploadedJarWithItsPropertiesAndTheLocalEndpoint() throws Exception {
        flink.createApplication(application("app").build());
        String operationId = flink.startApplication(b -> b.applicationName("app")).operationId();
        awaitStatus("app", ApplicationStatus.RUNNING);
        FlinkJobRequest request = launcher.requests.get(0);
        assertArrayEquals(JAR, Files.readAllBytes(request.jobJar()));
        assertEquals("1.19.3", request.flinkVersion());
        assertNull(request.savepointToRestore());
        JsonNode groups = new ObjectMapper().readTree(request.propertiesFile().toFile());
        assertEquals("FanoutApplication", groups.get(0).path("PropertyGroupId").asText());
        assertEquals("in", groups.get(0).path("PropertyMap").path("input.stream").asText());
        JsonNode added = groups.get(1).path("PropertyMap");
        assertEquals("KinesisFanoutLocalCloud", groups.get(1).path("PropertyGroupId").asText());
        assertEquals(cloud.endpoint().toString(), added.path("aws.endpoint").asText());
        assertEquals("BASIC", added.path("aws.credentials.provider").asText());
        assertEquals("test", added.path("aws.credentials.basic.accesskeyid").asText());
        assertEquals("HTTP1_1", added.path("sink.http-client.protocol.version").asText());
        assertTrue(added.path("aws.region").isMissingNode(), "the application's own aws.region is not repeated");
        await(() -> flink.describeApplicationOperation(b -> b.applicationName("app").operationId(operationId))
                .applicationOperationInfoDetails().operationStatus() == OperationStatus.SUCCESSFUL, () -> "start not successful");
        assertEquals(ApplicationRestoreType.RESTORE_FROM_LATEST_SNAPSHOT, flink.describeApplication(b -> b
                .applicationName("app")).applicationDetail().applicationConfigurationDescription()
                .runConfigurationDescription().applicationRestoreConfigurationDescription().applicationRestoreType());
        assertThrows(ResourceInUseException.class, () -> flink.startApplication(b -> b.applicationName("app")));
    }

    @Test
    void aFailedStartGoesBackToReadyWithTheCauseInTheOperationAndTheLog() {
        flink.createApplication(application("broken").cloudWatchLoggingOptions(o -> o.logStreamARN(LOG_STREAM)).build());
        launcher.failWith = "No Main-Class in the jar's manifest";
        String operationId = flink.startApplication(b -> b.applicationName("broken")).operationId();
        await(() -> flink.describeApplicationOperation(b -> b.applicationName("broken").operationId(operationId))
                .applicationOperationInfoDetails().operationStatus() == OperationStatus.FAILED, () -> "start not failed");
        assertEquals(ApplicationStatus.READY, status("broken"));
        assertEquals("No Main-Class in the jar's manifest", flink.describeApplicationOperation(b -> b
                .applicationName("broken").operationId(operationId)).applicationOperationInfoDetails()
                .operationFailureDetails().errorInfo().errorString());
        await(() -> logMessages().stream().anyMatch(m -> m.contains("failed to start: No Main-Class in the jar's manifest")),
                () -> "log: " + logMessages());
        // The job's own line is forwarded by the log pump, which may trail the service's own line.
        await(() -> logMessages().contains("job failed: No Main-Class in the jar's manifest"),
                () -> "the job's own line is forwarded; log: " + logMessages());
        assertEquals(List.of(operationId), flink.listApplicationOperations(b -> b.applicationName("broken")
                .operationStatus(OperationStatus.FAILED)).applicationOperationInfoList().stream().map(o -> o.operationId()).toList());
    }

    @Test
    void aMissingFlinkRuntimeFailsTheStartNamingIt() {
        flink.createApplication(application("nofink").build());
        launcher.missingRuntime = "missing from ~/.m2: org.apache.flink:flink-runtime:1.19.3";
        String message = assertThrows(UnsupportedOperationException.class, () -> flink.startApplication(b -> b
                .applicationName("nofink"))).awsErrorDetails().errorMessage();
        assertEquals("Cannot run FLINK-1_19 applications in this local cloud: missing from ~/.m2:"
                + " org.apache.flink:flink-runtime:1.19.3", message);
        assertEquals(ApplicationStatus.READY, status("nofink"));
    }

    @Test
    void stopTakesASnapshotAndTheNextStartResumesFromIt() {
        flink.createApplication(application("resume").build());
        flink.startApplication(b -> b.applicationName("resume"));
        awaitStatus("resume", ApplicationStatus.RUNNING);
        flink.stopApplication(b -> b.applicationName("resume"));
        awaitStatus("resume", ApplicationStatus.READY);
        var snapshots = flink.listApplicationSnapshots(b -> b.applicationName("resume")).snapshotSummaries();
        assertEquals(1, snapshots.size());
        assertEquals(SnapshotStatus.READY, snapshots.get(0).snapshotStatus());
        assertEquals(1L, snapshots.get(0).applicationVersionId());
        flink.startApplication(b -> b.applicationName("resume"));
        awaitStatus("resume", ApplicationStatus.RUNNING);
        String savepoint = launcher.requests.get(1).savepointToRestore();
        assertTrue(savepoint != null && Files.isDirectory(java.nio.file.Path.of(savepoint)), "restored from " + savepoint);
        flink.stopApplication(b -> b.applicationName("resume").force(true));
        awaitStatus("resume", ApplicationStatus.READY);
        assertEquals(1, flink.listApplicationSnapshots(b -> b.applicationName("resume")).snapshotSummaries().size(),
                "a forced stop takes no snapshot");
        flink.startApplication(b -> b.applicationName("resume").runConfiguration(r -> r.applicationRestoreConfiguration(
                a -> a.applicationRestoreType(ApplicationRestoreType.SKIP_RESTORE_FROM_SNAPSHOT))));
        awaitStatus("resume", ApplicationStatus.RUNNING);
        assertNull(launcher.requests.get(2).savepointToRestore());
    }

    @Test
    void namedSnapshotsAreTakenListedRestoredAndDeleted() {
        flink.createApplication(application("snaps").build());
        assertThrows(ResourceInUseException.class, () -> flink.createApplicationSnapshot(b -> b.applicationName("snaps")
                .snapshotName("early")));
        flink.startApplication(b -> b.applicationName("snaps"));
        awaitStatus("snaps", ApplicationStatus.RUNNING);
        flink.createApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s1"));
        await(() -> flink.describeApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s1"))
                .snapshotDetails().snapshotStatus() == SnapshotStatus.READY, () -> "s1 not READY");
        assertThrows(ResourceInUseException.class, () -> flink.createApplicationSnapshot(b -> b.applicationName("snaps")
                .snapshotName("s1")));
        launcher.savepoints = false;
        flink.createApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s2"));
        await(() -> flink.describeApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s2"))
                .snapshotDetails().snapshotStatus() == SnapshotStatus.FAILED, () -> "s2 not FAILED");
        flink.stopApplication(b -> b.applicationName("snaps").force(true));
        awaitStatus("snaps", ApplicationStatus.READY);
        assertThrows(InvalidApplicationConfigurationException.class, () -> flink.startApplication(b -> b
                .applicationName("snaps").runConfiguration(r -> r.applicationRestoreConfiguration(a -> a
                        .applicationRestoreType(ApplicationRestoreType.RESTORE_FROM_CUSTOM_SNAPSHOT).snapshotName("s2")))));
        flink.startApplication(b -> b.applicationName("snaps").runConfiguration(r -> r.applicationRestoreConfiguration(a -> a
                .applicationRestoreType(ApplicationRestoreType.RESTORE_FROM_CUSTOM_SNAPSHOT).snapshotName("s1"))));
        awaitStatus("snaps", ApplicationStatus.RUNNING);
        assertTrue(launcher.lastJob().request.savepointToRestore().endsWith("savepoint-1"));
        var s1 = flink.describeApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s1")).snapshotDetails();
        flink.deleteApplicationSnapshot(b -> b.applicationName("snaps").snapshotName("s1")
                .snapshotCreationTimestamp(s1.snapshotCreationTimestamp()));
        assertThrows(ResourceNotFoundException.class, () -> flink.describeApplicationSnapshot(b -> b
                .applicationName("snaps").snapshotName("s1")));
    }

    @Test
    void aJobThatExitsWhileRunningLeavesTheApplicationReady() {
        flink.createApplication(application("crash").build());
        flink.startApplication(b -> b.applicationName("crash"));
        awaitStatus("crash", ApplicationStatus.RUNNING);
        launcher.lastJob().alive = false;
        awaitStatus("crash", ApplicationStatus.READY);
    }

    @Test
    void stopOfAReadyApplicationIsRefused() {
        flink.createApplication(application("idle").build());
        assertEquals("Application idle is in READY state and is not available for StopApplication.",
                assertThrows(ResourceInUseException.class, () -> flink.stopApplication(b -> b.applicationName("idle")))
                        .awsErrorDetails().errorMessage());
    }

    private List<String> logMessages() {
        try {
            return logs.getLogEvents(b -> b.logGroupName("/flink/app").logStreamName("job").startFromHead(true))
                    .events().stream().map(e -> e.message()).toList();
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
    }
}
