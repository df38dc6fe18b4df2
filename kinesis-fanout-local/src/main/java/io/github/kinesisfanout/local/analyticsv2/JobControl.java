package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The asynchronous half of the state machine: starts, restarts and stops jobs on worker threads
 * (after the transition delay), settles the application's status and operation, takes savepoints,
 * and forwards each job's log while watching it for an unexpected exit.
 */
final class JobControl implements AutoCloseable {

    private final FlinkSettings settings;
    private final java.time.Duration statusTransitionDelay;
    private final JobRunner runner;
    private final ApplicationLogs logs;
    private final WorkDirectory work;
    private final Clock clock;
    private final ApplicationFiles files;
    private final ExecutorService workers = Executors.newCachedThreadPool(daemon("analyticsv2-jobs"));
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("analyticsv2-ticks"));

    /**
     * @param statusTransitionDelay how long a transient status lasts at least
     * @param files keeps each application after every change this class makes to it
     */
    JobControl(FlinkSettings settings, java.time.Duration statusTransitionDelay, JobRunner runner, ApplicationLogs logs,
            WorkDirectory work, Clock clock, ApplicationFiles files) {
        this.settings = settings;
        this.statusTransitionDelay = statusTransitionDelay;
        this.runner = runner;
        this.logs = logs;
        this.work = work;
        this.clock = clock;
        this.files = files;
    }

    /** Keeps the application's current state (after an API change or one of this class's). */
    void keep(FlinkApplication app) {
        files.save(app);
    }

    JobRunner runner() {
        return runner;
    }

    /** Runs work on a worker once the transition delay has passed. */
    void later(Runnable task) {
        long delay = statusTransitionDelay.toMillis();
        if (delay == 0) {
            workers.execute(task);
        } else {
            ticker.schedule(() -> workers.execute(task), delay, TimeUnit.MILLISECONDS);
        }
    }

    /** STARTING -> RUNNING once the job runs, or READY with the cause. */
    void start(FlinkApplication app, LaunchPlan plan, OperationHistory.Operation operation) {
        resume(app, plan, operation, FlinkApplication.STARTING);
    }

    /** Starts a plan's job for an application in {@code expected} (STARTING or UPDATING): RUNNING, or READY with the cause. */
    void resume(FlinkApplication app, LaunchPlan plan, OperationHistory.Operation operation, String expected) {
        later(() -> run(app, plan, operation, expected));
    }

    /** UPDATING: stops the old job (with a savepoint when snapshots are on), then starts the new version from it. */
    void restart(FlinkApplication app, FlinkJob old, boolean snapshot, boolean allowNonRestoredState,
            OperationHistory.Operation operation) {
        later(() -> {
            String savepoint = null;
            if (old != null) {
                savepoint = snapshot ? stopWithSnapshot(app, old) : null;
                if (!snapshot) {
                    old.stop(settings.stopTimeout());
                }
            }
            LaunchPlan plan;
            synchronized (app) {
                app.runNumber++;
                plan = LaunchPlan.of(app, savepoint, allowNonRestoredState);
            }
            run(app, plan, operation, FlinkApplication.UPDATING);
        });
    }

    private void run(FlinkApplication app, LaunchPlan plan, OperationHistory.Operation operation, String expected) {
        logs.event(app, "INFO", "Starting the Flink job of version " + plan.versionId()
                + (plan.savepoint() == null ? "" : " from savepoint " + plan.savepoint()));
        FlinkJob job;
        try {
            job = runner.launch(plan);
        } catch (RuntimeException e) {
            fail(app, plan, operation, expected, e);
            return;
        }
        synchronized (app) {
            if (app.runNumber != plan.runNumber() || !expected.equals(app.status)) {
                job.stop(settings.stopTimeout());
                return;
            }
            app.job = job;
        }
        watch(app, job);
        try {
            job.awaitRunning(settings.startTimeout());
        } catch (RuntimeException e) {
            job.stop(settings.stopTimeout());
            fail(app, plan, operation, expected, e);
            return;
        }
        synchronized (app) {
            if (app.job == job && expected.equals(app.status)) {
                app.status = FlinkApplication.RUNNING;
                OperationHistory.succeed(operation, clock.instant());
            }
        }
        keep(app);
        logs.event(app, "INFO", "The Flink job of version " + plan.versionId() + " is RUNNING");
    }

    private void fail(FlinkApplication app, LaunchPlan plan, OperationHistory.Operation operation, String expected,
            RuntimeException cause) {
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        synchronized (app) {
            if (app.runNumber == plan.runNumber() && expected.equals(app.status)) {
                app.status = FlinkApplication.READY;
                app.job = null;
                OperationHistory.fail(operation, clock.instant(), reason);
            }
        }
        keep(app);
        logs.event(app, "ERROR", "The Flink job of version " + plan.versionId() + " failed to start: " + reason);
    }

    /** STOPPING / FORCE_STOPPING -> READY; a graceful stop takes a snapshot when snapshots are on. */
    void stop(FlinkApplication app, FlinkJob job, boolean snapshot, OperationHistory.Operation operation) {
        later(() -> {
            String error = null;
            if (job != null) {
                try {
                    if (snapshot) {
                        stopWithSnapshot(app, job);
                    } else {
                        job.stop(settings.stopTimeout());
                    }
                } catch (RuntimeException e) {
                    error = e.getMessage();
                    job.stop(settings.stopTimeout());
                }
            }
            synchronized (app) {
                if (FlinkApplication.STOPPING.equals(app.status) || FlinkApplication.FORCE_STOPPING.equals(app.status)) {
                    app.status = FlinkApplication.READY;
                }
                if (error == null) {
                    OperationHistory.succeed(operation, clock.instant());
                } else {
                    OperationHistory.fail(operation, clock.instant(), error);
                }
            }
            keep(app);
            logs.event(app, error == null ? "INFO" : "ERROR", error == null ? "The application is stopped"
                    : "The application is stopped; the snapshot failed: " + error);
        });
    }

    /** Stops with a savepoint and records it as a snapshot; the savepoint path, or null when none was taken. */
    private String stopWithSnapshot(FlinkApplication app, FlinkJob job) {
        Snapshot snapshot;
        synchronized (app) {
            snapshot = new Snapshot(app.name + "-" + clock.millis(), app.versionId, app.runtime, clock.instant());
        }
        Optional<String> savepoint = job.stopWithSavepoint(work.savepoints(app), settings.stopTimeout());
        if (savepoint.isEmpty()) {
            logs.event(app, "WARN", "No snapshot taken: this local cloud's Flink launcher cannot take savepoints");
            return null;
        }
        synchronized (app) {
            snapshot.status = Snapshot.READY;
            snapshot.savepointPath = savepoint.get();
            app.snapshots.put(snapshot.name, snapshot);
        }
        keep(app);
        return savepoint.get();
    }

    /** CREATING -> READY with the savepoint of the running job, or FAILED when none could be taken. */
    void snapshot(FlinkApplication app, FlinkJob job, Snapshot snapshot) {
        later(() -> {
            Optional<String> savepoint;
            String failure = null;
            try {
                savepoint = job.savepoint(work.savepoints(app), settings.stopTimeout());
            } catch (RuntimeException e) {
                savepoint = Optional.empty();
                failure = e.getMessage();
            }
            synchronized (app) {
                snapshot.status = savepoint.isPresent() ? Snapshot.READY : Snapshot.FAILED;
                snapshot.savepointPath = savepoint.orElse(null);
                snapshot.failure = savepoint.isPresent() ? null : failure != null ? failure
                        : "this local cloud's Flink launcher cannot take savepoints of a running job";
            }
            keep(app);
            if (savepoint.isEmpty()) {
                logs.event(app, "ERROR", "Snapshot " + snapshot.name + " failed: " + snapshot.failure);
            }
        });
    }

    /** Forwards the job's log lines and, if the job exits while RUNNING, settles the application in READY. */
    private void watch(FlinkApplication app, FlinkJob job) {
        LogTail tail = new LogTail(job.logFile());
        AtomicReference<ScheduledFuture<?>> self = new AtomicReference<>();
        Runnable tick = () -> {
            boolean alive = job.isAlive();
            logs.lines(app, tail.read(!alive));
            if (alive) {
                return;
            }
            boolean died;
            synchronized (app) {
                died = app.job == job && FlinkApplication.RUNNING.equals(app.status);
                if (died) {
                    app.status = FlinkApplication.READY;
                    app.job = null;
                }
            }
            if (died) {
                keep(app);
                logs.event(app, "ERROR", "The Flink job exited unexpectedly; its last log lines are above");
            }
            ScheduledFuture<?> future = self.get();
            if (future != null) {
                future.cancel(false);
            }
        };
        self.set(ticker.scheduleWithFixedDelay(tick, 200, 200, TimeUnit.MILLISECONDS));
    }

    /** Stops a job on its way out of the service (delete, close); never throws. */
    void stopQuietly(FlinkJob job) {
        if (job != null) {
            try {
                job.stop(settings.stopTimeout());
            } catch (RuntimeException e) {
                System.getLogger(JobControl.class.getName()).log(System.Logger.Level.WARNING, "stopping a job failed", e);
            }
        }
    }

    /** A deleted application: its record and its savepoints go. */
    void forget(FlinkApplication app) {
        files.delete(app);
        work.deleteSavepoints(app);
    }

    Path savepoints(FlinkApplication app) {
        return work.savepoints(app);
    }

    @Override
    public void close() {
        files.close();
        workers.shutdownNow();
        ticker.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
