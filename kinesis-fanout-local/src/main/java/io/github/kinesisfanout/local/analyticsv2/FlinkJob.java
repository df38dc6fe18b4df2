package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A started Flink job of one application: awaited, snapshotted and stopped by the service. */
public interface FlinkJob {

    /** Returns once the job runs; throws {@link FlinkLaunchException} with the root cause when it fails first. */
    void awaitRunning(Duration timeout);

    /** Whether the job's process still runs. */
    boolean isAlive();

    /** The file the job writes its log to (forwarded to CloudWatch Logs). */
    Path logFile();

    /**
     * Takes a savepoint into {@code directory} and stops the job; the savepoint's path, or empty when this
     * launcher cannot take savepoints. The job is stopped either way.
     */
    Optional<String> stopWithSavepoint(Path directory, Duration timeout);

    /** Takes a savepoint while the job keeps running; empty when this launcher cannot. */
    default Optional<String> savepoint(Path directory, Duration timeout) {
        return Optional.empty();
    }

    /** Cancels the job and ends its process; never leaves it running. */
    void stop(Duration timeout);
}
