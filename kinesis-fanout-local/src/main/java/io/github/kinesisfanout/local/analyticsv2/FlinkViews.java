package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders an application as ApplicationSummary and ApplicationDetail (the configuration as its
 * Description shapes, with AWS's defaults filled in), and a snapshot as SnapshotDetails.
 */
final class FlinkViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FlinkViews() {
    }

    static ObjectNode summary(FlinkApplication app) {
        ObjectNode summary = NODES.objectNode();
        summary.put("ApplicationName", app.name);
        summary.put("ApplicationARN", app.arn);
        summary.put("ApplicationStatus", app.status);
        summary.put("ApplicationVersionId", app.versionId);
        summary.put("RuntimeEnvironment", app.runtime);
        summary.put("ApplicationMode", "STREAMING");
        return summary;
    }

    static ObjectNode detail(FlinkApplication app) {
        ObjectNode detail = summary(app);
        if (app.description != null) {
            detail.put("ApplicationDescription", app.description);
        }
        detail.put("ServiceExecutionRole", app.serviceExecutionRole);
        detail.put("CreateTimestamp", OperationHistory.seconds(app.createTimestamp));
        detail.put("LastUpdateTimestamp", OperationHistory.seconds(app.lastUpdateTimestamp));
        detail.set("ApplicationConfigurationDescription", configuration(app));
        if (!app.loggingOptions.isEmpty()) {
            app.loggingOptions.forEach(detail.putArray("CloudWatchLoggingOptionDescriptions")::add);
        }
        detail.putObject("ApplicationMaintenanceConfigurationDescription")
                .put("ApplicationMaintenanceWindowStartTime", "06:00")
                .put("ApplicationMaintenanceWindowEndTime", "14:00");
        if (app.versionUpdatedFrom != null) {
            detail.put("ApplicationVersionUpdatedFrom", app.versionUpdatedFrom);
        }
        detail.put("ConditionalToken", app.conditionalToken());
        return detail;
    }

    static ObjectNode configuration(FlinkApplication app) {
        JsonNode in = app.configuration;
        ObjectNode out = NODES.objectNode();
        JsonNode code = in.path("ApplicationCodeConfiguration");
        ObjectNode codeOut = out.putObject("ApplicationCodeConfigurationDescription");
        codeOut.put("CodeContentType", code.path("CodeContentType").asText());
        ObjectNode content = codeOut.putObject("CodeContentDescription");
        JsonNode s3 = code.path("CodeContent").path("S3ContentLocation");
        if (s3.isObject()) {
            content.set("S3ApplicationCodeLocationDescription", s3.deepCopy());
        } else {
            byte[] zip = code.path("CodeContent").path("ZipFileContent").asText().isEmpty() ? new byte[0]
                    : java.util.Base64.getDecoder().decode(code.path("CodeContent").path("ZipFileContent").asText());
            content.put("CodeMD5", md5(zip));
            content.put("CodeSize", zip.length);
        }
        if (app.runConfiguration != null) {
            out.set("RunConfigurationDescription", app.runConfiguration.deepCopy());
        }
        JsonNode flink = in.path("FlinkApplicationConfiguration");
        ObjectNode flinkOut = out.putObject("FlinkApplicationConfigurationDescription");
        flinkOut.set("CheckpointConfigurationDescription", FlinkDefaults.checkpoint(flink.path("CheckpointConfiguration")));
        flinkOut.set("MonitoringConfigurationDescription", FlinkDefaults.monitoring(flink.path("MonitoringConfiguration")));
        flinkOut.set("ParallelismConfigurationDescription", FlinkDefaults.parallelism(flink.path("ParallelismConfiguration")));
        JsonNode groups = in.path("EnvironmentProperties").path("PropertyGroups");
        if (groups.isArray()) {
            out.putObject("EnvironmentPropertyDescriptions").set("PropertyGroupDescriptions", groups.deepCopy());
        }
        out.putObject("ApplicationSnapshotConfigurationDescription").put("SnapshotsEnabled", snapshotsEnabled(in));
        out.putObject("ApplicationSystemRollbackConfigurationDescription").put("RollbackEnabled",
                in.path("ApplicationSystemRollbackConfiguration").path("RollbackEnabled").asBoolean(false));
        return out;
    }

    static boolean snapshotsEnabled(JsonNode configuration) {
        return configuration.path("ApplicationSnapshotConfiguration").path("SnapshotsEnabled").asBoolean(false);
    }

    static ObjectNode snapshot(Snapshot snapshot) {
        ObjectNode node = NODES.objectNode();
        node.put("SnapshotName", snapshot.name);
        node.put("SnapshotStatus", snapshot.status);
        node.put("ApplicationVersionId", snapshot.applicationVersionId);
        node.put("SnapshotCreationTimestamp", OperationHistory.seconds(snapshot.created));
        node.put("RuntimeEnvironment", snapshot.runtime);
        return node;
    }

    private static String md5(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
