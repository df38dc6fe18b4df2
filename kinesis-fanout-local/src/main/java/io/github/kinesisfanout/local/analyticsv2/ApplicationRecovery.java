package io.github.kinesisfanout.local.analyticsv2;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.time.Clock;
import java.time.Instant;

/**
 * Settles an application read back from the data directory, whose job did not outlive the restart.
 * A RUNNING one runs again from its newest READY snapshot (as AWS restarts a failed job from its
 * latest snapshot) or, without one, is READY with a failed {@value #RESTART} operation saying why.
 * STARTING and UPDATING finish starting their job, STOPPING and FORCE_STOPPING end READY, DELETING
 * ends deleted. Snapshots still CREATING have failed, and so have the operations the restart cut short.
 */
final class ApplicationRecovery {

    /** The operation recording a job started again after a restart of the local cloud (not an AWS API name). */
    static final String RESTART = "RestartApplication";
    static final String INTERRUPTED = "The local cloud stopped before this operation finished.";

    private final JobControl jobs;
    private final Clock clock;

    ApplicationRecovery(JobControl jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Settles the application; false when it was being deleted, so it is gone now. */
    boolean recover(FlinkApplication app) {
        synchronized (app) {
            Instant now = clock.instant();
            for (Snapshot snapshot : app.snapshots.values()) {
                if (Snapshot.CREATING.equals(snapshot.status)) {
                    snapshot.status = Snapshot.FAILED;
                    snapshot.failure = "The local cloud stopped before the savepoint of this snapshot was taken.";
                }
            }
            OperationHistory.Operation pending = app.operations.newestFirst().stream()
                    .filter(o -> OperationHistory.IN_PROGRESS.equals(o.status)).findFirst().orElse(null);
            app.operations.oldestFirst().stream().filter(o -> o != pending && OperationHistory.IN_PROGRESS.equals(o.status))
                    .forEach(o -> OperationHistory.fail(o, now, INTERRUPTED));
            switch (app.status) {
                case FlinkApplication.RUNNING -> restart(app, pending, now);
                case FlinkApplication.STARTING -> finishStart(app, pending, now);
                case FlinkApplication.UPDATING -> launch(app, orRestart(app, pending, now),
                        FlinkViews.snapshotsEnabled(app.configuration) ? RunOperations.latestSavepoint(app) : null,
                        FlinkApplication.UPDATING);
                case FlinkApplication.STOPPING, FlinkApplication.FORCE_STOPPING -> finishStop(app, pending, now);
                case FlinkApplication.DELETING -> {
                    return false;
                }
                default -> {
                    app.status = FlinkApplication.READY;
                    if (pending != null) {
                        OperationHistory.fail(pending, now, INTERRUPTED);
                    }
                }
            }
        }
        jobs.keep(app);
        return true;
    }

    private void restart(FlinkApplication app, OperationHistory.Operation pending, Instant now) {
        if (pending != null) {
            OperationHistory.fail(pending, now, INTERRUPTED);
        }
        OperationHistory.Operation op = app.operations.begin(RESTART, now, null, null);
        String savepoint = RunOperations.latestSavepoint(app);
        if (savepoint == null) {
            app.status = FlinkApplication.READY;
            OperationHistory.fail(op, now, "The local cloud restarted while application " + app.name
                    + " was RUNNING, and the application has no READY snapshot to restore its job from, so it is"
                    + " READY: start it again with StartApplication.");
            return;
        }
        app.status = FlinkApplication.STARTING;
        launch(app, op, savepoint, FlinkApplication.STARTING);
    }

    private void finishStart(FlinkApplication app, OperationHistory.Operation pending, Instant now) {
        OperationHistory.Operation op = orRestart(app, pending, now);
        String savepoint;
        try {
            savepoint = app.runConfiguration == null ? RunOperations.latestSavepoint(app)
                    : RunOperations.savepoint(app, app.runConfiguration.path("ApplicationRestoreConfigurationDescription"));
        } catch (AwsServiceException e) {
            app.status = FlinkApplication.READY;
            OperationHistory.fail(op, now, e.getMessage());
            return;
        }
        launch(app, op, savepoint, FlinkApplication.STARTING);
    }

    private void finishStop(FlinkApplication app, OperationHistory.Operation pending, Instant now) {
        boolean snapshotLost = FlinkApplication.STOPPING.equals(app.status) && FlinkViews.snapshotsEnabled(app.configuration);
        app.status = FlinkApplication.READY;
        if (pending == null) {
            return;
        }
        if (snapshotLost) {
            OperationHistory.fail(pending, now, "The local cloud stopped before the snapshot of this stop was taken;"
                    + " the application is READY without it.");
        } else {
            OperationHistory.succeed(pending, now);
        }
    }

    private static OperationHistory.Operation orRestart(FlinkApplication app, OperationHistory.Operation pending,
            Instant now) {
        return pending != null ? pending : app.operations.begin(RESTART, now, null, null);
    }

    private void launch(FlinkApplication app, OperationHistory.Operation op, String savepoint, String expected) {
        app.runNumber++;
        boolean allowNonRestoredState = app.runConfiguration != null && app.runConfiguration
                .path("FlinkRunConfigurationDescription").path("AllowNonRestoredState").asBoolean(false);
        jobs.resume(app, LaunchPlan.of(app, savepoint, allowNonRestoredState), op, expected);
    }
}
