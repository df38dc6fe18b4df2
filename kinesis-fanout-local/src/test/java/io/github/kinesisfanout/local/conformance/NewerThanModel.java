package io.github.kinesisfanout.local.conformance;

import java.util.Map;
import java.util.Set;

/**
 * Members, enum values and operations AWS added after the models Debian's awscli 2.9.19 ships (botocore data of
 * January 2023), which the local cloud answers because the SDK v2 clients it serves know them; each
 * is in AWS's current model (botocore 1.43). Keys are structure or enum shape names, or services.
 */
final class NewerThanModel {

    /** Output members per structure shape. */
    static final Map<String, Set<String>> MEMBERS = Map.of(
            "FunctionConfiguration", Set.of("LoggingConfig"),
            "EventSourceMappingConfiguration", Set.of("EventSourceMappingArn"),
            "LogGroup", Set.of("logGroupArn", "logGroupClass"),
            "Bucket", Set.of("BucketRegion"));

    /**
     * Output members per service and structure shape, for shape names two services share (Kinesis
     * Analytics v1 and v2 both have {@code StartApplicationResponse}). Managed Flink added the
     * {@code OperationId} of its operation history, system rollbacks and the snapshot's runtime.
     */
    static final Map<String, Map<String, Set<String>>> SERVICE_MEMBERS = Map.of(
            "kinesisanalyticsv2", Map.of(
                    "StartApplicationResponse", Set.of("OperationId"),
                    "StopApplicationResponse", Set.of("OperationId"),
                    "UpdateApplicationResponse", Set.of("OperationId"),
                    "AddApplicationCloudWatchLoggingOptionResponse", Set.of("OperationId"),
                    "DeleteApplicationCloudWatchLoggingOptionResponse", Set.of("OperationId"),
                    "ApplicationConfigurationDescription", Set.of("ApplicationSystemRollbackConfigurationDescription"),
                    "SnapshotDetails", Set.of("RuntimeEnvironment")));

    /** Enum values per enum shape; Managed Flink's runtimes of Flink 1.18 and later. */
    static final Map<String, Set<String>> ENUM_VALUES = Map.of(
            "Runtime", Set.of("java17", "java21", "python3.10", "python3.11", "python3.12", "python3.13",
                    "nodejs20.x", "nodejs22.x", "provided.al2023"),
            "RuntimeEnvironment", Set.of("FLINK-1_18", "FLINK-1_19", "FLINK-1_20", "FLINK-2_2"));

    /**
     * Operations per service, whose answers the older model cannot check: Managed Flink's operation
     * history.
     */
    static final Map<String, Set<String>> OPERATIONS = Map.of(
            "kinesisanalyticsv2", Set.of("ListApplicationOperations", "DescribeApplicationOperation"));

    private NewerThanModel() {
    }

    static boolean member(String service, String shapeName, String member) {
        return MEMBERS.getOrDefault(shapeName, Set.of()).contains(member)
                || SERVICE_MEMBERS.getOrDefault(service, Map.of()).getOrDefault(shapeName, Set.of()).contains(member);
    }

    static boolean operation(String service, String operation) {
        return OPERATIONS.getOrDefault(service, Set.of()).contains(operation);
    }

    static boolean enumValue(String shapeName, String value) {
        return ENUM_VALUES.getOrDefault(shapeName, Set.of()).contains(value);
    }
}
