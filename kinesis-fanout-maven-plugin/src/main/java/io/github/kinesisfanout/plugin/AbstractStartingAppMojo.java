package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import org.apache.maven.plugins.annotations.Parameter;

/** The starting position and restore settings the goals that may start the application share, checked before any call. */
public abstract class AbstractStartingAppMojo extends AbstractAppMojo {

    /**
     * engine=flink: how the job restores its state: RESTORE_FROM_LATEST_SNAPSHOT (a fresh start when
     * there is none), SKIP_RESTORE_FROM_SNAPSHOT or RESTORE_FROM_CUSTOM_SNAPSHOT (with snapshotName).
     */
    @Parameter(property = "fanout.restoreType", defaultValue = "RESTORE_FROM_LATEST_SNAPSHOT")
    protected String restoreType;

    /** engine=flink: the snapshot RESTORE_FROM_CUSTOM_SNAPSHOT restores. */
    @Parameter(property = "fanout.snapshotName")
    protected String snapshotName;

    /** engine=flink: start even when the snapshot holds state the job no longer has. */
    @Parameter(property = "fanout.allowNonRestoredState", defaultValue = "false")
    protected boolean allowNonRestoredState;

    /** The restore type in upper case, or the fix-it failure when it is none of the three (or CUSTOM without a name). */
    protected final String restoreType() {
        String type = restoreType.trim().toUpperCase(java.util.Locale.ROOT);
        if (!java.util.List.of("RESTORE_FROM_LATEST_SNAPSHOT", "SKIP_RESTORE_FROM_SNAPSHOT", "RESTORE_FROM_CUSTOM_SNAPSHOT")
                .contains(type)) {
            throw HelpfulSuggestions.invalidParameter("restoreType", "fanout.restoreType", restoreType, "it must be"
                    + " RESTORE_FROM_LATEST_SNAPSHOT, SKIP_RESTORE_FROM_SNAPSHOT or RESTORE_FROM_CUSTOM_SNAPSHOT");
        }
        if (type.equals("RESTORE_FROM_CUSTOM_SNAPSHOT") && (snapshotName == null || snapshotName.isBlank())) {
            throw HelpfulSuggestions.missingParameter("snapshotName", "fanout.snapshotName", "NAME");
        }
        return type;
    }

    /** Where reading starts: NOW, TRIM_HORIZON or LAST_STOPPED_POINT. */
    @Parameter(property = "fanout.startingPosition", defaultValue = "NOW")
    protected String startingPosition;

    /** The starting position in upper case, or the fix-it failure when it is none of the three. */
    protected final String startingPosition() {
        String position = startingPosition.trim().toUpperCase(java.util.Locale.ROOT);
        if (!position.matches("NOW|TRIM_HORIZON|LAST_STOPPED_POINT")) {
            throw HelpfulSuggestions.invalidParameter("startingPosition", "fanout.startingPosition", startingPosition,
                    "it must be NOW, TRIM_HORIZON or LAST_STOPPED_POINT");
        }
        return position;
    }
}
