package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a RunConfiguration (StartApplication) or RunConfigurationUpdate into the
 * RunConfigurationDescription DescribeApplication shows: restore type (RESTORE_FROM_LATEST_SNAPSHOT
 * unless set), snapshot name, AllowNonRestoredState.
 */
final class RunConfigurations {

    static final String SKIP = "SKIP_RESTORE_FROM_SNAPSHOT";
    static final String LATEST = "RESTORE_FROM_LATEST_SNAPSHOT";
    static final String CUSTOM = "RESTORE_FROM_CUSTOM_SNAPSHOT";
    static final Pattern SNAPSHOT_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private RunConfigurations() {
    }

    static ObjectNode defaults() {
        ObjectNode description = JsonNodeFactory.instance.objectNode();
        description.putObject("ApplicationRestoreConfigurationDescription").put("ApplicationRestoreType", LATEST);
        description.putObject("FlinkRunConfigurationDescription").put("AllowNonRestoredState", false);
        return description;
    }

    /** The description of a run configuration; {@code previous} supplies what it leaves out. */
    static ObjectNode parse(ObjectNode in, String path) {
        if (in.has("SqlRunConfigurations")) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "SqlRunConfigurations are for SQL applications; this is a Flink application.");
        }
        ObjectNode description = defaults();
        ObjectNode restore = MEMBERS.optionalObject(in, "ApplicationRestoreConfiguration", path + ".applicationRestoreConfiguration");
        if (restore != null) {
            String p = path + ".applicationRestoreConfiguration";
            String type = MEMBERS.optionalEnum(restore, "ApplicationRestoreType", p + ".applicationRestoreType",
                    List.of(SKIP, LATEST, CUSTOM));
            if (type == null) {
                throw MEMBERS.violation("null", p + ".applicationRestoreType", "Member must not be null");
            }
            String snapshot = MEMBERS.optional(restore, "SnapshotName", p + ".snapshotName", 1, 256, SNAPSHOT_NAME);
            if (type.equals(CUSTOM) && snapshot == null) {
                throw FlinkErrors.INVALID_ARGUMENT.error(
                        "SnapshotName is required when ApplicationRestoreType is " + CUSTOM + ".");
            }
            if (!type.equals(CUSTOM) && snapshot != null) {
                throw FlinkErrors.INVALID_ARGUMENT.error(
                        "SnapshotName can only be set when ApplicationRestoreType is " + CUSTOM + ".");
            }
            ObjectNode out = description.putObject("ApplicationRestoreConfigurationDescription").put("ApplicationRestoreType", type);
            if (snapshot != null) {
                out.put("SnapshotName", snapshot);
            }
        }
        ObjectNode flink = MEMBERS.optionalObject(in, "FlinkRunConfiguration", path + ".flinkRunConfiguration");
        if (flink != null) {
            Boolean allow = MEMBERS.optionalBoolean(flink, "AllowNonRestoredState", path + ".flinkRunConfiguration.allowNonRestoredState");
            description.putObject("FlinkRunConfigurationDescription").put("AllowNonRestoredState", allow != null && allow);
        }
        return description;
    }
}
