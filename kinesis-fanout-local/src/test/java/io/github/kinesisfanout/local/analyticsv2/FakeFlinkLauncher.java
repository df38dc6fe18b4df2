package io.github.kinesisfanout.local.analyticsv2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher whose jobs run nowhere: they log a line, report running (or fail with a set cause),
 * and take savepoints as marker files, so the service's state machine is tested without Flink.
 */
final class FakeFlinkLauncher implements FlinkJobLauncher {

    final List<FlinkJobRequest> requests = new CopyOnWriteArrayList<>();
    final List<FakeJob> jobs = new CopyOnWriteArrayList<>();
    /** When set, the next jobs fail to start with this cause. */
    volatile String failWith;
    /** When set, checkRuntime fails with it. */
    volatile String missingRuntime;
    /** Whether jobs can take savepoints. */
    volatile boolean savepoints = true;
    /**
     * While set, jobs neither report running nor take savepoints: the application stays STARTING,
     * STOPPING or UPDATING until the gate opens or the waiting thread is interrupted.
     */
    volatile java.util.concurrent.CountDownLatch hold;
    /** The savepoint paths the jobs returned, in order. */
    final List<String> savepointsTaken = new CopyOnWriteArrayList<>();
    private final AtomicInteger savepointCount = new AtomicInteger();

    @Override
    public void checkRuntime(String flinkVersion) {
        if (missingRuntime != null) {
            throw new FlinkLaunchException(missingRuntime);
        }
    }

    @Override
    public FlinkJob start(FlinkJobRequest request) {
        requests.add(request);
        FakeJob job = new FakeJob(request, failWith);
        jobs.add(job);
        job.log("fake job of " + request.applicationArn() + " started");
        return job;
    }

    FakeJob lastJob() {
        return jobs.get(jobs.size() - 1);
    }

    /** One fake job. */
    final class FakeJob implements FlinkJob {
        final FlinkJobRequest request;
        private final String failure;
        volatile boolean alive = true;

        FakeJob(FlinkJobRequest request, String failure) {
            this.request = request;
            this.failure = failure;
        }

        void log(String line) {
            try {
                Files.writeString(request.logFile(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits while the launcher holds its jobs; false when interrupted meanwhile. */
        private boolean passHold() {
            java.util.concurrent.CountDownLatch gate = hold;
            if (gate == null) {
                return true;
            }
            try {
                gate.await();
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void awaitRunning(Duration timeout) {
            if (!passHold()) {
                throw new FlinkLaunchException("interrupted while starting");
            }
            if (failure != null) {
                alive = false;
                log("job failed: " + failure);
                throw new FlinkLaunchException(failure);
            }
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public Path logFile() {
            return request.logFile();
        }

        @Override
        public Optional<String> stopWithSavepoint(Path directory, Duration timeout) {
            Optional<String> savepoint = savepoint(directory, timeout);
            alive = false;
            return savepoint;
        }

        @Override
        public Optional<String> savepoint(Path directory, Duration timeout) {
            if (!passHold()) {
                throw new FlinkLaunchException("interrupted while taking a savepoint");
            }
            if (!savepoints) {
                return Optional.empty();
            }
            try {
                Path savepoint = Files.createDirectories(directory.resolve("savepoint-" + savepointCount.incrementAndGet()));
                Files.writeString(savepoint.resolve("_metadata"), "fake");
                savepointsTaken.add(savepoint.toString());
                return Optional.of(savepoint.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop(Duration timeout) {
            alive = false;
        }
    }
}
