package io.github.kinesisfanout.operations.managedflink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationConfiguration;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationConfigurationDescription;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationConfigurationUpdate;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.CheckpointConfigurationDescription;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.CreateApplicationRequest;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ParallelismConfigurationDescription;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.PropertyGroup;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.S3ApplicationCodeLocationDescription;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.UpdateApplicationRequest;

/**
 * The Managed Flink application create-app wants: its runtime, role, jar in S3, property groups,
 * checkpointing, parallelism, snapshots and logging option; as a CreateApplication request, as the
 * differences from a deployed application, and as the UpdateApplication that removes them.
 *
 * @param applicationName the application
 * @param description the ApplicationDescription, or null
 * @param runtime the RuntimeEnvironment, e.g. FLINK-1_19 (sent as given)
 * @param roleArn the ServiceExecutionRole
 * @param bucketArn the artifact bucket, arn:aws:s3:::NAME
 * @param fileKey the jar's content-hash key in the bucket
 * @param propertyGroups EnvironmentProperties.PropertyGroups: group id to properties
 * @param checkpointIntervalMillis the CUSTOM checkpoint interval
 * @param parallelism the application's parallelism
 * @param parallelismPerKpu the parallel tasks per KPU
 * @param autoScaling whether Managed Flink scales the parallelism
 * @param logStreamArn the CloudWatch log stream of the application, or null for none
 */
public record ManagedFlinkDefinition(String applicationName, String description, String runtime, String roleArn,
        String bucketArn, String fileKey, Map<String, Map<String, String>> propertyGroups, long checkpointIntervalMillis,
        int parallelism, int parallelismPerKpu, boolean autoScaling, String logStreamArn) {

    public ManagedFlinkDefinition {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        propertyGroups.forEach((id, map) -> copy.put(id, Map.copyOf(map)));
        propertyGroups = copy;
    }

    /** The CreateApplication request: checkpointing CUSTOM and enabled, parallelism CUSTOM, snapshots on. */
    CreateApplicationRequest createRequest() {
        CreateApplicationRequest.Builder request = CreateApplicationRequest.builder().applicationName(applicationName)
                .applicationDescription(description).runtimeEnvironment(runtime).serviceExecutionRole(roleArn)
                .applicationConfiguration(ApplicationConfiguration.builder()
                        .applicationCodeConfiguration(c -> c.codeContentType("ZIPFILE")
                                .codeContent(content -> content.s3ContentLocation(s -> s.bucketARN(bucketArn).fileKey(fileKey))))
                        .environmentProperties(e -> e.propertyGroups(groups()))
                        .flinkApplicationConfiguration(f -> f
                                .checkpointConfiguration(k -> k.configurationType("CUSTOM").checkpointingEnabled(true)
                                        .checkpointInterval(checkpointIntervalMillis))
                                .parallelismConfiguration(p -> p.configurationType("CUSTOM").parallelism(parallelism)
                                        .parallelismPerKPU(parallelismPerKpu).autoScalingEnabled(autoScaling)))
                        .applicationSnapshotConfiguration(s -> s.snapshotsEnabled(true))
                        .build());
        if (logStreamArn != null) {
            request.cloudWatchLoggingOptions(o -> o.logStreamARN(logStreamArn));
        }
        return request.build();
    }

    /** What differs between this definition and the deployed application, one phrase each; empty when nothing. */
    List<String> differences(ApplicationDetail deployed) {
        List<String> changes = new ArrayList<>();
        ApplicationConfigurationDescription config = deployed.applicationConfigurationDescription();
        if (!runtime.equals(deployed.runtimeEnvironmentAsString())) {
            changes.add("runtime " + deployed.runtimeEnvironmentAsString() + " -> " + runtime);
        }
        if (!roleArn.equals(deployed.serviceExecutionRole())) {
            changes.add("service execution role");
        }
        S3ApplicationCodeLocationDescription code = config == null || config.applicationCodeConfigurationDescription() == null
                || config.applicationCodeConfigurationDescription().codeContentDescription() == null ? null
                : config.applicationCodeConfigurationDescription().codeContentDescription().s3ApplicationCodeLocationDescription();
        if (code == null || !bucketArn.equals(code.bucketARN()) || !fileKey.equals(code.fileKey())) {
            changes.add("jar " + (code == null ? "none" : code.fileKey()) + " -> " + fileKey);
        }
        if (!propertyGroups.equals(deployedGroups(config))) {
            changes.add("property groups");
        }
        CheckpointConfigurationDescription checkpoint = config == null || config.flinkApplicationConfigurationDescription() == null
                ? null : config.flinkApplicationConfigurationDescription().checkpointConfigurationDescription();
        if (checkpoint == null || !"CUSTOM".equals(checkpoint.configurationTypeAsString())
                || !Boolean.TRUE.equals(checkpoint.checkpointingEnabled())
                || !Objects.equals(checkpoint.checkpointInterval(), checkpointIntervalMillis)) {
            changes.add("checkpointing (CUSTOM, every " + checkpointIntervalMillis + " ms)");
        }
        ParallelismConfigurationDescription parallel = config == null || config.flinkApplicationConfigurationDescription() == null
                ? null : config.flinkApplicationConfigurationDescription().parallelismConfigurationDescription();
        if (parallel == null || !"CUSTOM".equals(parallel.configurationTypeAsString())
                || !Objects.equals(parallel.parallelism(), parallelism)
                || !Objects.equals(parallel.parallelismPerKPU(), parallelismPerKpu)
                || !Objects.equals(parallel.autoScalingEnabled(), autoScaling)) {
            changes.add("parallelism (" + parallelism + ", " + parallelismPerKpu + " per KPU, auto scaling "
                    + autoScaling + ")");
        }
        if (config == null || config.applicationSnapshotConfigurationDescription() == null
                || !Boolean.TRUE.equals(config.applicationSnapshotConfigurationDescription().snapshotsEnabled())) {
            changes.add("snapshots enabled");
        }
        return changes;
    }

    /** Whether the deployed application lacks the logging option this definition has. */
    boolean needsLoggingOption(ApplicationDetail deployed) {
        return logStreamArn != null && (!deployed.hasCloudWatchLoggingOptionDescriptions()
                || deployed.cloudWatchLoggingOptionDescriptions().stream().noneMatch(o -> logStreamArn.equals(o.logStreamARN())));
    }

    /** The UpdateApplication request that makes {@code deployed} this definition, locked on its version. */
    UpdateApplicationRequest updateRequest(ApplicationDetail deployed) {
        ApplicationConfigurationUpdate update = ApplicationConfigurationUpdate.builder()
                .applicationCodeConfigurationUpdate(c -> c.codeContentTypeUpdate("ZIPFILE").codeContentUpdate(content -> content
                        .s3ContentLocationUpdate(s -> s.bucketARNUpdate(bucketArn).fileKeyUpdate(fileKey))))
                .environmentPropertyUpdates(e -> e.propertyGroups(groups()))
                .flinkApplicationConfigurationUpdate(f -> f
                        .checkpointConfigurationUpdate(k -> k.configurationTypeUpdate("CUSTOM").checkpointingEnabledUpdate(true)
                                .checkpointIntervalUpdate(checkpointIntervalMillis))
                        .parallelismConfigurationUpdate(p -> p.configurationTypeUpdate("CUSTOM").parallelismUpdate(parallelism)
                                .parallelismPerKPUUpdate(parallelismPerKpu).autoScalingEnabledUpdate(autoScaling)))
                .applicationSnapshotConfigurationUpdate(s -> s.snapshotsEnabledUpdate(true))
                .build();
        UpdateApplicationRequest.Builder request = UpdateApplicationRequest.builder().applicationName(applicationName)
                .currentApplicationVersionId(deployed.applicationVersionId()).applicationConfigurationUpdate(update);
        if (!roleArn.equals(deployed.serviceExecutionRole())) {
            request.serviceExecutionRoleUpdate(roleArn);
        }
        if (!runtime.equals(deployed.runtimeEnvironmentAsString())) {
            request.runtimeEnvironmentUpdate(runtime);
        }
        return request.build();
    }

    private List<PropertyGroup> groups() {
        List<PropertyGroup> groups = new ArrayList<>();
        propertyGroups.forEach((id, map) -> groups.add(PropertyGroup.builder().propertyGroupId(id).propertyMap(map).build()));
        return groups;
    }

    private static Map<String, Map<String, String>> deployedGroups(ApplicationConfigurationDescription config) {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        if (config != null && config.environmentPropertyDescriptions() != null
                && config.environmentPropertyDescriptions().hasPropertyGroupDescriptions()) {
            for (PropertyGroup group : config.environmentPropertyDescriptions().propertyGroupDescriptions()) {
                groups.put(group.propertyGroupId(), Map.copyOf(group.propertyMap()));
            }
        }
        return groups;
    }
}
