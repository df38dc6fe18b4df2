package io.github.kinesisfanout.local.analyticsv2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationStatus;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ConcurrentModificationException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.KinesisAnalyticsV2Exception;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ListApplicationsResponse;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.PropertyGroup;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.TooManyTagsException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.UnsupportedOperationException;

/** Create, describe, list, delete, tags and version queries of kinesisanalyticsv2, and their errors. */
class FlinkControlPlaneIT extends FlinkFixture {

    @Test
    void createdApplicationIsReadyAtVersionOneWithAwsDefaults() {
        ApplicationDetail created = flink.createApplication(application("orders").build()).applicationDetail();
        assertEquals("arn:aws:kinesisanalytics:us-east-1:000000000000:application/orders", created.applicationARN());
        assertEquals(ApplicationStatus.READY, created.applicationStatus());
        assertEquals(1L, created.applicationVersionId());
        assertEquals("FLINK-1_19", created.runtimeEnvironmentAsString());
        assertEquals(ROLE, created.serviceExecutionRole());
        var configuration = created.applicationConfigurationDescription();
        var s3 = configuration.applicationCodeConfigurationDescription().codeContentDescription()
                .s3ApplicationCodeLocationDescription();
        assertEquals(BUCKET_ARN, s3.bucketARN());
        assertEquals(JAR_KEY, s3.fileKey());
        var checkpoint = configuration.flinkApplicationConfigurationDescription().checkpointConfigurationDescription();
        assertEquals("DEFAULT", checkpoint.configurationTypeAsString());
        assertEquals(60_000L, checkpoint.checkpointInterval());
        assertEquals(5_000L, checkpoint.minPauseBetweenCheckpoints());
        assertTrue(checkpoint.checkpointingEnabled());
        assertEquals(1, configuration.flinkApplicationConfigurationDescription().parallelismConfigurationDescription().parallelism());
        assertEquals(Map.of("input.stream", "in", "aws.region", "us-east-1"), configuration.environmentPropertyDescriptions()
                .propertyGroupDescriptions().get(0).propertyMap());
        assertTrue(configuration.applicationSnapshotConfigurationDescription().snapshotsEnabled());
        assertFalse(created.conditionalToken().isEmpty());
        assertEquals(created, flink.describeApplication(b -> b.applicationName("orders")).applicationDetail());
    }

    @Test
    void customCheckpointingIsKept() {
        flink.createApplication(application("custom").applicationConfiguration(c -> c
                .applicationCodeConfiguration(code -> code.codeContentType("ZIPFILE")
                        .codeContent(content -> content.s3ContentLocation(s3 -> s3.bucketARN(BUCKET_ARN).fileKey(JAR_KEY))))
                .flinkApplicationConfiguration(f -> f
                        .checkpointConfiguration(cp -> cp.configurationType("CUSTOM").checkpointingEnabled(true)
                                .checkpointInterval(10_000L).minPauseBetweenCheckpoints(1_000L))
                        .parallelismConfiguration(p -> p.configurationType("CUSTOM").parallelism(4).parallelismPerKPU(2)
                                .autoScalingEnabled(false)))).build());
        var description = flink.describeApplication(b -> b.applicationName("custom")).applicationDetail()
                .applicationConfigurationDescription().flinkApplicationConfigurationDescription();
        assertEquals(10_000L, description.checkpointConfigurationDescription().checkpointInterval());
        assertEquals(1_000L, description.checkpointConfigurationDescription().minPauseBetweenCheckpoints());
        assertEquals(4, description.parallelismConfigurationDescription().parallelism());
        assertEquals(2, description.parallelismConfigurationDescription().parallelismPerKPU());
    }

    @Test
    void createRefusesWhatAwsRefuses() {
        flink.createApplication(application("taken").build());
        assertEquals("Application taken already exists.", assertThrows(ResourceInUseException.class,
                () -> flink.createApplication(application("taken").build())).awsErrorDetails().errorMessage());
        assertEquals("1 validation error detected: Value null at 'serviceExecutionRole' failed to satisfy constraint:"
                + " Member must not be null", assertThrows(InvalidArgumentException.class,
                () -> flink.createApplication(application("norole").serviceExecutionRole(null).build()))
                .awsErrorDetails().errorMessage());
        String badRuntime = assertThrows(InvalidArgumentException.class, () -> flink.createApplication(
                application("bad").runtimeEnvironment("FLINK-9_9").build())).awsErrorDetails().errorMessage();
        assertTrue(badRuntime.startsWith("1 validation error detected: Value 'FLINK-9_9' at 'runtimeEnvironment' failed to"
                + " satisfy constraint: Member must satisfy enum value set: [SQL-1_0, "), badRuntime);
        String sql = assertThrows(UnsupportedOperationException.class, () -> flink.createApplication(
                application("sql").runtimeEnvironment("SQL-1_0").build())).awsErrorDetails().errorMessage();
        assertTrue(sql.startsWith("RuntimeEnvironment SQL-1_0 is not supported: Kinesis Data Analytics for SQL"
                + " applications are discontinued."), sql);
        assertEquals("CodeContentType must be ZIPFILE for a Flink application, was PLAINTEXT.",
                assertThrows(InvalidArgumentException.class, () -> flink.createApplication(application("text")
                        .applicationConfiguration(c -> c.applicationCodeConfiguration(code -> code.codeContentType("PLAINTEXT")
                                .codeContent(content -> content.textContent("SELECT 1")))).build()))
                        .awsErrorDetails().errorMessage());
        String longValue = "v".repeat(2049);
        String tooLong = assertThrows(InvalidArgumentException.class, () -> flink.createApplication(application("long")
                .applicationConfiguration(c -> c.applicationCodeConfiguration(code -> code.codeContentType("ZIPFILE")
                        .codeContent(content -> content.s3ContentLocation(s3 -> s3.bucketARN(BUCKET_ARN).fileKey(JAR_KEY))))
                        .environmentProperties(e -> e.propertyGroups(PropertyGroup.builder().propertyGroupId("G")
                                .propertyMap(Map.of("k", longValue)).build()))).build())).awsErrorDetails().errorMessage();
        assertTrue(tooLong.contains("at 'applicationConfiguration.environmentProperties.propertyGroups.1.member.propertyMap.k'"
                + " failed to satisfy constraint: Member must have length less than or equal to 2048"), tooLong);
        assertEquals(List.of("taken"), flink.listApplications(b -> { }).applicationSummaries().stream()
                .map(s -> s.applicationName()).toList());
    }

    @Test
    void listPagesInNameOrder() {
        for (String name : List.of("c", "a", "b")) {
            flink.createApplication(application(name).build());
        }
        ListApplicationsResponse first = flink.listApplications(b -> b.limit(2));
        assertEquals(List.of("a", "b"), first.applicationSummaries().stream().map(s -> s.applicationName()).toList());
        ListApplicationsResponse second = flink.listApplications(b -> b.limit(2).nextToken(first.nextToken()));
        assertEquals(List.of("c"), second.applicationSummaries().stream().map(s -> s.applicationName()).toList());
        assertNull(second.nextToken());
        assertEquals("FLINK-1_19", second.applicationSummaries().get(0).runtimeEnvironmentAsString());
    }

    @Test
    void deleteNeedsTheCreationTimestamp() {
        ApplicationDetail created = flink.createApplication(application("gone").build()).applicationDetail();
        String wrong = assertThrows(InvalidArgumentException.class, () -> flink.deleteApplication(b -> b
                .applicationName("gone").createTimestamp(created.createTimestamp().minusSeconds(5))))
                .awsErrorDetails().errorMessage();
        assertTrue(wrong.contains("does not match the creation time of application gone"), wrong);
        flink.deleteApplication(b -> b.applicationName("gone").createTimestamp(created.createTimestamp()));
        await(() -> flink.listApplications(b -> { }).applicationSummaries().isEmpty(), () -> "gone still listed");
        assertEquals("Application gone is not found.", assertThrows(ResourceNotFoundException.class,
                () -> flink.describeApplication(b -> b.applicationName("gone"))).awsErrorDetails().errorMessage());
    }

    @Test
    void tagsDoNotMoveTheVersion() {
        String arn = flink.createApplication(application("tagged").tags(t -> t.key("team").value("data")).build())
                .applicationDetail().applicationARN();
        flink.tagResource(b -> b.resourceARN(arn).tags(t -> t.key("env").value("test")));
        flink.untagResource(b -> b.resourceARN(arn).tagKeys("team"));
        assertEquals(List.of("env=test"), flink.listTagsForResource(b -> b.resourceARN(arn)).tags().stream()
                .map(t -> t.key() + "=" + t.value()).toList());
        assertEquals(1L, version("tagged"));
        var fiftyOne = java.util.stream.IntStream.range(0, 51).mapToObj(i -> software.amazon.awssdk.services
                .kinesisanalyticsv2.model.Tag.builder().key("k" + i).value("v").build()).toList();
        assertThrows(TooManyTagsException.class, () -> flink.tagResource(b -> b.resourceARN(arn).tags(fiftyOne)));
        assertThrows(ResourceNotFoundException.class, () -> flink.listTagsForResource(b -> b.resourceARN(
                "arn:aws:kinesisanalytics:us-east-1:000000000000:application/none")));
    }

    @Test
    void everyVersionCanBeDescribed() {
        flink.createApplication(application("versions").applicationDescription("first").build());
        flink.updateApplication(b -> b.applicationName("versions").currentApplicationVersionId(1L)
                .serviceExecutionRoleUpdate("arn:aws:iam::000000000000:role/other"));
        assertEquals(ROLE, flink.describeApplicationVersion(b -> b.applicationName("versions").applicationVersionId(1L))
                .applicationVersionDetail().serviceExecutionRole());
        ApplicationDetail second = flink.describeApplicationVersion(b -> b.applicationName("versions")
                .applicationVersionId(2L)).applicationVersionDetail();
        assertEquals("arn:aws:iam::000000000000:role/other", second.serviceExecutionRole());
        assertEquals(1L, second.applicationVersionUpdatedFrom());
        assertEquals(List.of(2L, 1L), flink.listApplicationVersions(b -> b.applicationName("versions"))
                .applicationVersionSummaries().stream().map(v -> v.applicationVersionId()).toList());
        assertThrows(ResourceNotFoundException.class, () -> flink.describeApplicationVersion(b -> b
                .applicationName("versions").applicationVersionId(3L)));
        assertThrows(ConcurrentModificationException.class, () -> flink.updateApplication(b -> b
                .applicationName("versions").currentApplicationVersionId(1L).serviceExecutionRoleUpdate(ROLE)));
    }

    @Test
    void anOperationNotImplementedSaysSo() {
        KinesisAnalyticsV2Exception e = assertThrows(KinesisAnalyticsV2Exception.class, () -> flink
                .addApplicationVpcConfiguration(b -> b.applicationName("x").currentApplicationVersionId(1L)
                        .vpcConfiguration(v -> v.subnetIds("s").securityGroupIds("g"))));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertEquals("KinesisAnalyticsV2.AddApplicationVpcConfiguration is not supported", e.awsErrorDetails().errorMessage());
    }
}
