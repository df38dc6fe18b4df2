package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.local.FlinkJobProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A job of {@link LocalJobLauncher}: a Flink MiniCluster in a forked JVM, stopped within 20 seconds. */
public final class LocalJob implements RunningJob {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final FlinkJobProcess process;
    private final String jobId;

    LocalJob(FlinkJobProcess process, String jobId) {
        this.process = process;
        this.jobId = jobId;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public Path logFile() {
        return process.logFile();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public Optional<String> failure() {
        return process.failure();
    }

    /** Whether a bounded job ended by itself. */
    public boolean isFinished() {
        return process.isFinished();
    }

    @Override
    public void stop() {
        process.stop(STOP_TIMEOUT);
    }
}
