package io.github.kinesisfanout.operations.managedflink;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.SnapshotDetails;

/**
 * start-app, stop-app, toggle-app and delete-app with engine=flink: each waits out a transient
 * status first, makes its call, waits for the operation and the status it leads to, and says what
 * it did; a failure shows Managed Flink's root cause.
 */
public final class ManagedFlinkLifecycle {

    /** The restore types StartApplication takes. */
    public static final String LATEST = "RESTORE_FROM_LATEST_SNAPSHOT";
    public static final String SKIP = "SKIP_RESTORE_FROM_SNAPSHOT";
    public static final String CUSTOM = "RESTORE_FROM_CUSTOM_SNAPSHOT";

    private final ManagedFlinkApps apps;

    public ManagedFlinkLifecycle(ManagedFlinkApps apps) {
        this.apps = apps;
    }

    /**
     * Starts a stopped application and waits for RUNNING.
     *
     * @param restoreType one of {@link #LATEST} (a fresh start when there is no snapshot), {@link #SKIP}, {@link #CUSTOM}
     * @param snapshotName the snapshot of {@link #CUSTOM}, else ignored
     */
    public String start(String name, String restoreType, String snapshotName, boolean allowNonRestoredState) {
        ApplicationDetail app = apps.awaitSettled(name);
        if ("RUNNING".equals(app.applicationStatusAsString())) {
            return "Managed Flink application " + name + " is already RUNNING: nothing to do";
        }
        String type = restoreType.toUpperCase(Locale.ROOT);
        String snapshot = null;
        String from;
        if (LATEST.equals(type)) {
            Optional<SnapshotDetails> latest = latestSnapshot(name);
            if (latest.isEmpty()) {
                type = SKIP;
                from = "without a snapshot (it has none yet)";
            } else {
                from = "from its latest snapshot " + latest.get().snapshotName();
            }
        } else if (CUSTOM.equals(type)) {
            snapshot = snapshotName;
            String wanted = snapshotName;
            if (snapshotName == null || snapshots(name).noneMatch(s -> s.snapshotName().equals(wanted))) {
                throw ManagedFlinkMessages.noSuchSnapshot(name, snapshotName);
            }
            from = "from snapshot " + snapshotName;
        } else {
            from = "without a snapshot (" + SKIP + ")";
        }
        String restore = type;
        String custom = snapshot;
        apps.listener().info("Starting Managed Flink application " + name + " " + from);
        long start = System.nanoTime();
        String operationId = apps.client().startApplication(r -> r.applicationName(name).runConfiguration(c -> c
                .applicationRestoreConfiguration(a -> a.applicationRestoreType(restore).snapshotName(custom))
                .flinkRunConfiguration(f -> f.allowNonRestoredState(allowNonRestoredState)))).operationId();
        apps.awaitOperation(name, operationId, "StartApplication", "RUNNING");
        return "Started Managed Flink application " + name + " " + from + ": RUNNING after " + seconds(start) + " s";
    }

    /** Stops a running application, with a snapshot unless {@code force}, and waits for READY. */
    public String stop(String name, boolean force) {
        ApplicationDetail app = apps.awaitSettled(name);
        if (!"RUNNING".equals(app.applicationStatusAsString())) {
            return "Managed Flink application " + name + " is already stopped (" + app.applicationStatusAsString()
                    + "): nothing to do";
        }
        Optional<SnapshotDetails> before = latestSnapshot(name);
        apps.listener().info((force ? "Force-stopping" : "Stopping") + " Managed Flink application " + name
                + (force ? " (no snapshot)" : ""));
        long start = System.nanoTime();
        String operationId = apps.client().stopApplication(r -> r.applicationName(name).force(force)).operationId();
        apps.awaitOperation(name, operationId, force ? "StopApplication (force)" : "StopApplication", "READY");
        Optional<SnapshotDetails> after = latestSnapshot(name);
        String snapshot = after.isPresent() && !after.equals(before) ? " with snapshot " + after.get().snapshotName()
                : force ? " without a snapshot (fanout.force=true)"
                : " but no new READY snapshot is listed (ListApplicationSnapshots; the application log says why)";
        return "Stopped Managed Flink application " + name + snapshot + ": READY after " + seconds(start) + " s";
    }

    /** RUNNING: stops it; stopped: starts it; a transient status is waited out first. */
    public String toggle(String name, String restoreType, String snapshotName, boolean allowNonRestoredState, boolean force) {
        ApplicationDetail app = apps.awaitSettled(name);
        String status = app.applicationStatusAsString();
        String done = "RUNNING".equals(status) ? stop(name, force) : start(name, restoreType, snapshotName, allowNonRestoredState);
        return "Application " + name + " was " + status + ": " + done;
    }

    /**
     * Deletes the application (its CreateTimestamp read first) and waits until it is gone; a missing
     * application is a line of output, or a failure with {@code failIfMissing}.
     */
    public String delete(String name, boolean failIfMissing) {
        if (apps.find(name).isEmpty()) {
            if (failIfMissing) {
                throw ManagedFlinkMessages.notFound(name);
            }
            return "Managed Flink application " + name + " does not exist: nothing to delete";
        }
        ApplicationDetail app = apps.awaitSettled(name);
        try {
            apps.client().deleteApplication(r -> r.applicationName(name).createTimestamp(app.createTimestamp()));
        } catch (ResourceNotFoundException e) {
            return "Managed Flink application " + name + " does not exist: nothing to delete";
        }
        apps.awaitGone(name);
        return "Deleted Managed Flink application " + name + " (was " + app.applicationStatusAsString() + ")";
    }

    private java.util.stream.Stream<SnapshotDetails> snapshots(String name) {
        return apps.client().listApplicationSnapshotsPaginator(r -> r.applicationName(name)).snapshotSummaries().stream();
    }

    private Optional<SnapshotDetails> latestSnapshot(String name) {
        return snapshots(name).filter(s -> "READY".equals(s.snapshotStatusAsString()))
                .max(Comparator.comparing(SnapshotDetails::snapshotCreationTimestamp));
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }
}
