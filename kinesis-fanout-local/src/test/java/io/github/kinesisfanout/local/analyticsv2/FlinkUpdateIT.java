package io.github.kinesisfanout.local.analyticsv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ConcurrentModificationException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.OperationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.PropertyGroup;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;

/** UpdateApplication and the logging options: version locking, merged configuration, restart of a running job. */
class FlinkUpdateIT extends FlinkFixture {

    private static final String STREAM_A = "arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:a";
    private static final String STREAM_B = "arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:b";

    @Test
    void anUpdateMergesIntoTheConfigurationAndMovesTheVersion() {
        flink.createApplication(application("merge").build());
        ApplicationDetail updated = flink.updateApplication(b -> b.applicationName("merge").currentApplicationVersionId(1L)
                .applicationConfigurationUpdate(u -> u
                        .applicationCodeConfigurationUpdate(c -> c.codeContentUpdate(cc -> cc
                                .s3ContentLocationUpdate(s3 -> s3.fileKeyUpdate("app/v2.jar"))))
                        .flinkApplicationConfigurationUpdate(f -> f.parallelismConfigurationUpdate(p -> p
                                .configurationTypeUpdate("CUSTOM").parallelismUpdate(3)))
                        .environmentPropertyUpdates(e -> e.propertyGroups(PropertyGroup.builder().propertyGroupId("New")
                                .propertyMap(Map.of("k", "v")).build())))).applicationDetail();
        assertEquals(2L, updated.applicationVersionId());
        var configuration = updated.applicationConfigurationDescription();
        var s3 = configuration.applicationCodeConfigurationDescription().codeContentDescription()
                .s3ApplicationCodeLocationDescription();
        assertEquals(BUCKET_ARN, s3.bucketARN(), "the bucket is kept, only the key changed");
        assertEquals("app/v2.jar", s3.fileKey());
        assertEquals(3, configuration.flinkApplicationConfigurationDescription().parallelismConfigurationDescription().parallelism());
        assertEquals("New", configuration.environmentPropertyDescriptions().propertyGroupDescriptions().get(0).propertyGroupId());
        assertEquals(1, configuration.environmentPropertyDescriptions().propertyGroupDescriptions().size());
        assertTrue(configuration.applicationSnapshotConfigurationDescription().snapshotsEnabled(), "untouched parts stay");
    }

    @Test
    void aStaleVersionOrTokenIsAConcurrentModification() {
        String token = flink.createApplication(application("locked").build()).applicationDetail().conditionalToken();
        flink.updateApplication(b -> b.applicationName("locked").conditionalToken(token).serviceExecutionRoleUpdate(ROLE));
        assertEquals("Provided application version id (1) does not match the current application version id (2) of"
                + " application locked.", assertThrows(ConcurrentModificationException.class, () -> flink.updateApplication(
                b -> b.applicationName("locked").currentApplicationVersionId(1L).serviceExecutionRoleUpdate(ROLE)))
                .awsErrorDetails().errorMessage());
        assertThrows(ConcurrentModificationException.class, () -> flink.updateApplication(b -> b.applicationName("locked")
                .conditionalToken(token).serviceExecutionRoleUpdate(ROLE)));
        assertThrows(InvalidArgumentException.class, () -> flink.updateApplication(b -> b.applicationName("locked")
                .serviceExecutionRoleUpdate(ROLE)));
        assertThrows(InvalidArgumentException.class, () -> flink.updateApplication(b -> b.applicationName("locked")
                .currentApplicationVersionId(2L)));
        String invalid = assertThrows(InvalidArgumentException.class, () -> flink.updateApplication(b -> b
                .applicationName("locked").currentApplicationVersionId(2L).applicationConfigurationUpdate(u -> u
                        .applicationCodeConfigurationUpdate(c -> c.codeContentTypeUpdate("PLAINTEXT"))))).awsErrorDetails().errorMessage();
        assertEquals("CodeContentType must be ZIPFILE for a Flink application, was PLAINTEXT.", invalid);
        assertEquals(2L, version("locked"), "a refused update leaves the version");
    }

    @Test
    void updatingARunningApplicationRestartsItFromASnapshot() {
        flink.createApplication(application("live").build());
        flink.startApplication(b -> b.applicationName("live"));
        awaitStatus("live", ApplicationStatus.RUNNING);
        String operationId = flink.updateApplication(b -> b.applicationName("live").currentApplicationVersionId(1L)
                .applicationConfigurationUpdate(u -> u.environmentPropertyUpdates(e -> e.propertyGroups(PropertyGroup
                        .builder().propertyGroupId("FanoutApplication").propertyMap(Map.of("input.stream", "in2")).build()))))
                .operationId();
        await(() -> launcher.requests.size() == 2 && status("live") == ApplicationStatus.RUNNING,
                () -> launcher.requests.size() + " starts, status " + status("live"));
        assertTrue(!launcher.jobs.get(0).isAlive(), "the old job is stopped");
        assertTrue(launcher.requests.get(1).savepointToRestore().endsWith("savepoint-1"));
        var details = flink.describeApplicationOperation(b -> b.applicationName("live").operationId(operationId))
                .applicationOperationInfoDetails();
        assertEquals(OperationStatus.SUCCESSFUL, details.operationStatus());
        assertEquals(1L, details.applicationVersionChangeDetails().applicationVersionUpdatedFrom());
        assertEquals(2L, details.applicationVersionChangeDetails().applicationVersionUpdatedTo());
    }

    @Test
    void loggingOptionsAreVersionedChanges() {
        flink.createApplication(application("logged").build());
        var added = flink.addApplicationCloudWatchLoggingOption(b -> b.applicationName("logged")
                .currentApplicationVersionId(1L).cloudWatchLoggingOption(o -> o.logStreamARN(STREAM_A)));
        assertEquals(2L, added.applicationVersionId());
        String id = added.cloudWatchLoggingOptionDescriptions().get(0).cloudWatchLoggingOptionId();
        flink.updateApplication(b -> b.applicationName("logged").currentApplicationVersionId(2L)
                .cloudWatchLoggingOptionUpdates(u -> u.cloudWatchLoggingOptionId(id).logStreamARNUpdate(STREAM_B)));
        assertEquals(STREAM_B, flink.describeApplication(b -> b.applicationName("logged")).applicationDetail()
                .cloudWatchLoggingOptionDescriptions().get(0).logStreamARN());
        assertThrows(InvalidArgumentException.class, () -> flink.addApplicationCloudWatchLoggingOption(b -> b
                .applicationName("logged").currentApplicationVersionId(3L).cloudWatchLoggingOption(o -> o
                        .logStreamARN("arn:aws:logs:us-east-1:000000000000:log-group:g"))));
        assertThrows(ResourceNotFoundException.class, () -> flink.deleteApplicationCloudWatchLoggingOption(b -> b
                .applicationName("logged").currentApplicationVersionId(3L).cloudWatchLoggingOptionId("9")));
        var deleted = flink.deleteApplicationCloudWatchLoggingOption(b -> b.applicationName("logged")
                .currentApplicationVersionId(3L).cloudWatchLoggingOptionId(id));
        assertEquals(4L, deleted.applicationVersionId());
        assertTrue(flink.describeApplication(b -> b.applicationName("logged")).applicationDetail()
                .cloudWatchLoggingOptionDescriptions().isEmpty());
    }
}
