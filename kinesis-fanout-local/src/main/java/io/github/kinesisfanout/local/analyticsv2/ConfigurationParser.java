package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates an ApplicationConfiguration (CreateApplication's shape, also the result of merging an
 * update into it) with the model's constraints and the rules of Flink applications.
 */
final class ConfigurationParser {

    static final List<String> CONFIGURATION_TYPES = List.of("DEFAULT", "CUSTOM");
    static final List<String> METRICS_LEVELS = List.of("APPLICATION", "TASK", "OPERATOR", "PARALLELISM");
    static final List<String> LOG_LEVELS = List.of("INFO", "WARN", "ERROR", "DEBUG");
    private static final List<String> UNSUPPORTED = List.of("SqlApplicationConfiguration", "VpcConfigurations",
            "ZeppelinApplicationConfiguration", "ApplicationEncryptionConfiguration");

    private ConfigurationParser() {
    }

    /** Validates the whole configuration; {@code path} is its lower-camel path, e.g. applicationConfiguration. */
    static void validate(ObjectNode configuration, String path) {
        for (String member : UNSUPPORTED) {
            if (MEMBERS.optionalObject(configuration, member, path) != null || configuration.path(member).isArray()) {
                throw FlinkErrors.UNSUPPORTED_OPERATION.error(member + " is not supported by this local cloud's Managed Service for"
                        + " Apache Flink.");
            }
        }
        ObjectNode code = MEMBERS.object(configuration, "ApplicationCodeConfiguration", path + ".applicationCodeConfiguration");
        validateCode(code, path + ".applicationCodeConfiguration");
        ObjectNode flink = MEMBERS.optionalObject(configuration, "FlinkApplicationConfiguration", path + ".flinkApplicationConfiguration");
        if (flink != null) {
            String flinkPath = path + ".flinkApplicationConfiguration";
            ObjectNode checkpoint = MEMBERS.optionalObject(flink, "CheckpointConfiguration", flinkPath + ".checkpointConfiguration");
            if (checkpoint != null) {
                String p = flinkPath + ".checkpointConfiguration";
                configurationType(checkpoint, p);
                MEMBERS.optionalBoolean(checkpoint, "CheckpointingEnabled", p + ".checkpointingEnabled");
                MEMBERS.optionalNumber(checkpoint, "CheckpointInterval", p + ".checkpointInterval", 1, Long.MAX_VALUE);
                MEMBERS.optionalNumber(checkpoint, "MinPauseBetweenCheckpoints", p + ".minPauseBetweenCheckpoints", 0, Long.MAX_VALUE);
            }
            ObjectNode monitoring = MEMBERS.optionalObject(flink, "MonitoringConfiguration", flinkPath + ".monitoringConfiguration");
            if (monitoring != null) {
                String p = flinkPath + ".monitoringConfiguration";
                configurationType(monitoring, p);
                MEMBERS.optionalEnum(monitoring, "MetricsLevel", p + ".metricsLevel", METRICS_LEVELS);
                MEMBERS.optionalEnum(monitoring, "LogLevel", p + ".logLevel", LOG_LEVELS);
            }
            ObjectNode parallelism = MEMBERS.optionalObject(flink, "ParallelismConfiguration", flinkPath + ".parallelismConfiguration");
            if (parallelism != null) {
                String p = flinkPath + ".parallelismConfiguration";
                configurationType(parallelism, p);
                MEMBERS.optionalNumber(parallelism, "Parallelism", p + ".parallelism", 1, Integer.MAX_VALUE);
                MEMBERS.optionalNumber(parallelism, "ParallelismPerKPU", p + ".parallelismPerKPU", 1, Integer.MAX_VALUE);
                MEMBERS.optionalBoolean(parallelism, "AutoScalingEnabled", p + ".autoScalingEnabled");
            }
        }
        ObjectNode environment = MEMBERS.optionalObject(configuration, "EnvironmentProperties", path + ".environmentProperties");
        if (environment != null) {
            propertyGroups(environment, path + ".environmentProperties.propertyGroups");
        }
        ObjectNode snapshots = MEMBERS.optionalObject(configuration, "ApplicationSnapshotConfiguration",
                path + ".applicationSnapshotConfiguration");
        if (snapshots != null && MEMBERS.optionalBoolean(snapshots, "SnapshotsEnabled",
                path + ".applicationSnapshotConfiguration.snapshotsEnabled") == null) {
            throw MEMBERS.violation("null", path + ".applicationSnapshotConfiguration.snapshotsEnabled", "Member must not be null");
        }
        ObjectNode rollback = MEMBERS.optionalObject(configuration, "ApplicationSystemRollbackConfiguration",
                path + ".applicationSystemRollbackConfiguration");
        if (rollback != null && MEMBERS.optionalBoolean(rollback, "RollbackEnabled",
                path + ".applicationSystemRollbackConfiguration.rollbackEnabled") == null) {
            throw MEMBERS.violation("null", path + ".applicationSystemRollbackConfiguration.rollbackEnabled", "Member must not be null");
        }
    }

    private static void validateCode(ObjectNode code, String path) {
        String type = MEMBERS.optionalEnum(code, "CodeContentType", path + ".codeContentType", List.of("PLAINTEXT", "ZIPFILE"));
        if (type == null) {
            throw MEMBERS.violation("null", path + ".codeContentType", "Member must not be null");
        }
        if (!type.equals("ZIPFILE")) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "CodeContentType must be ZIPFILE for a Flink application, was " + type + ".");
        }
        ObjectNode content = MEMBERS.object(code, "CodeContent", path + ".codeContent");
        String kind = MEMBERS.exactlyOne(content, "CodeContent", "S3ContentLocation", "ZipFileContent", "TextContent");
        if (kind.equals("TextContent")) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "TextContent is for SQL applications; a Flink application's code is a"
                    + " jar in S3ContentLocation or ZipFileContent.");
        }
        if (kind.equals("S3ContentLocation")) {
            ObjectNode s3 = MEMBERS.object(content, "S3ContentLocation", path + ".codeContent.s3ContentLocation");
            String p = path + ".codeContent.s3ContentLocation";
            MEMBERS.required(s3, "BucketARN", p + ".bucketARN", 1, 2048, Members.ARN);
            MEMBERS.required(s3, "FileKey", p + ".fileKey", 1, 1024, null);
            MEMBERS.optional(s3, "ObjectVersion", p + ".objectVersion", 1, 1024, null);
        } else {
            MEMBERS.required(content, "ZipFileContent", path + ".codeContent.zipFileContent", 1, 70_000_000, null);
        }
    }

    private static void configurationType(ObjectNode node, String path) {
        if (MEMBERS.optionalEnum(node, "ConfigurationType", path + ".configurationType", CONFIGURATION_TYPES) == null) {
            throw MEMBERS.violation("null", path + ".configurationType", "Member must not be null");
        }
    }

    /** PropertyGroups: at most 50, ids unique, each map 1..50 entries of 1..2048-character keys and values. */
    static void propertyGroups(ObjectNode environment, String path) {
        if (!environment.has("PropertyGroups")) {
            throw MEMBERS.violation("null", path, "Member must not be null");
        }
        Set<String> ids = new HashSet<>();
        int i = 1;
        for (JsonNode group : MEMBERS.list(environment, "PropertyGroups", path, 0, 50)) {
            String p = path + "." + i + ".member";
            String id = MEMBERS.required(group, "PropertyGroupId", p + ".propertyGroupId", 1, 50, Members.NAME);
            if (!ids.add(id)) {
                throw FlinkErrors.INVALID_ARGUMENT.error("Property group " + id + " is defined more than once.");
            }
            ObjectNode map = MEMBERS.object(group, "PropertyMap", p + ".propertyMap");
            if (map.size() < 1 || map.size() > 50) {
                throw MEMBERS.violation("(" + map.size() + " entries)", p + ".propertyMap",
                        "Member must have " + (map.size() < 1 ? "length greater than or equal to 1" : "length less than or equal to 50"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getKey().isEmpty() || entry.getKey().length() > 2048) {
                    throw MEMBERS.violation("'" + entry.getKey() + "'", p + ".propertyMap.key",
                            "Member must have length between 1 and 2048");
                }
                MEMBERS.required(map, entry.getKey(), p + ".propertyMap." + entry.getKey(), 1, 2048, null);
            }
            i++;
        }
    }
}
