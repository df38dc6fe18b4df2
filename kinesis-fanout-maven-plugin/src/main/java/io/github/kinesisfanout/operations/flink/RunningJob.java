package io.github.kinesisfanout.operations.flink;

import java.nio.file.Path;

/** A Flink job running in its own JVM on this machine, as the goals that start and stop it see it. */
public interface RunningJob {

    /** The Flink job id. */
    String jobId();

    /** The file the job's JVM writes its output to. */
    Path logFile();

    /** Whether the job's JVM is still running. */
    boolean isAlive();

    /** The one-line root cause the job printed when it failed, if it did. */
    java.util.Optional<String> failure();

    /** Cancels the job and ends its JVM; never leaves it running. */
    void stop();
}
