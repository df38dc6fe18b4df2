package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.local.FlinkJobException;
import io.github.kinesisfanout.local.FlinkJobProcess;
import io.github.kinesisfanout.local.FlinkJobSpec;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the packaged job on a Flink MiniCluster in a forked JVM and waits until it is RUNNING,
 * with a progress line; a job that fails or does not start fails with its root cause and its log.
 */
public final class LocalJobLauncher {

    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final long POLL_MILLIS = 100;

    private final ProgressListener listener;

    public LocalJobLauncher(ProgressListener listener) {
        this.listener = listener;
    }

    /**
     * @param flinkClasspath the Flink runtime jars
     * @param written what flink-package wrote
     * @param logFile where the forked JVM's output goes
     * @param jvmArgs extra arguments of the forked JVM (e.g. {@code -Xmx1g})
     * @param timeout how long the job may take to reach RUNNING
     * @param settle how long after RUNNING a job still counts as starting: its sources connect only then,
     *     so a missing stream or a refused credential fails the job a moment after it reported RUNNING
     */
    public LocalJob start(List<Path> flinkClasspath, FlinkPackage written, Path logFile, List<String> jvmArgs,
            Duration timeout, Duration settle) {
        long start = System.nanoTime();
        FlinkJobProcess process = FlinkJobProcess.start(new FlinkJobSpec(flinkClasspath, written.jar(), null,
                written.properties(), logFile, jvmArgs, null));
        listener.info("Flink job starting on a MiniCluster in JVM " + process.pid() + " (log: " + process.logFile() + ")");
        try {
            long deadline = start + timeout.toNanos();
            long nextProgress = start + PROGRESS_EVERY_NANOS;
            while (process.jobId() == null && process.failure().isEmpty() && !process.isFinished() && process.isAlive()) {
                long now = System.nanoTime();
                if (now > deadline) {
                    process.stop(LocalJob.STOP_TIMEOUT);
                    throw FlinkMessages.notRunningInTime(timeout.toSeconds(), process.logFile().toString());
                }
                if (now > nextProgress) {
                    listener.info("Flink job: STARTING, " + (now - start) / 1_000_000_000L + " s");
                    nextProgress = now + PROGRESS_EVERY_NANOS;
                }
                pause();
            }
            // Running, failed or gone: the launcher's own wait reports each of them the same way.
            process.awaitRunning(Duration.ofSeconds(5));
            long running = System.nanoTime();
            long settled = running + settle.toNanos();
            while (System.nanoTime() < settled && process.failure().isEmpty() && process.isAlive()) {
                pause();
            }
            if (process.failure().isPresent() || !process.isAlive()) {
                listener.info("Flink job " + process.jobId() + " ended " + seconds(System.nanoTime() - running)
                        + " s after RUNNING");
                throw FlinkMessages.jobFailed(process.failure().orElse("its JVM ended without a status line")
                        + " (log: " + process.logFile() + ")");
            }
        } catch (FlinkJobException e) {
            process.stop(LocalJob.STOP_TIMEOUT);
            throw FlinkMessages.jobFailed(e.getMessage());
        } catch (RuntimeException e) {
            process.stop(LocalJob.STOP_TIMEOUT);
            throw e;
        }
        LocalJob job = new LocalJob(process, process.jobId());
        listener.info("Flink job " + job.jobId() + ": RUNNING after " + seconds(System.nanoTime() - start)
                + " s (log: " + job.logFile() + ")");
        return job;
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FanoutException("Interrupted while waiting for the Flink job", e);
        }
    }
}
