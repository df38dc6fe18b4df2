package io.github.kinesisfanout.flink;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.flink.util.ExceptionUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Watches a control file through which a launcher asks a local run to {@code cancel} or to stop with
 * {@code savepoint DIR}; the launcher writes the command to a temporary file and moves it in place.
 */
public final class ControlChannel implements AutoCloseable {

    private static final long POLL_MILLIS = 100;
    private static final long SAVEPOINT_RETRY_SECONDS = 60;
    private static final long RETRY_PAUSE_MILLIS = 500;

    private final Path file;
    private final JobClient job;
    private final StatusLines status;
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kinesis-fanout-control");
        thread.setDaemon(true);
        return thread;
    });

    /** A channel for {@code job} on {@code file}, reporting savepoints through {@code status}. */
    public ControlChannel(Path file, JobClient job, StatusLines status) {
        this.file = file;
        this.job = job;
        this.status = status;
    }

    /** Starts watching the file. */
    public ControlChannel start() {
        poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Whether the job was asked to end (so its cancellation is not a failure). */
    public boolean stopRequested() {
        return stopRequested.get();
    }

    private void poll() {
        if (!Files.exists(file)) {
            return;
        }
        String command;
        try {
            command = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            return;
        }
        if (command.equals("cancel")) {
            stopRequested.set(true);
            job.cancel();
        } else if (command.startsWith("savepoint ")) {
            String directory = command.substring("savepoint ".length()).trim();
            stopRequested.set(true);
            try {
                status.savepoint(stopWithSavepoint(directory));
            } catch (Exception e) {
                stopRequested.set(false);
                status.savepointFailed(Causes.describe(e));
            }
        } else {
            status.savepointFailed("unknown control command '" + command + "' (expected cancel or savepoint DIR)");
        }
    }

    /**
     * Stops the job with a savepoint. Flink refuses a savepoint while some task is still being
     * deployed ("Not all required tasks are currently running"), which happens when a stop follows
     * a start closely; that refusal is retried until the tasks run or the deadline passes.
     */
    private String stopWithSavepoint(String directory) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SAVEPOINT_RETRY_SECONDS);
        while (true) {
            try {
                return job.stopWithSavepoint(false, directory, SavepointFormatType.CANONICAL).get();
            } catch (ExecutionException e) {
                if (!tasksNotYetRunning(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static boolean tasksNotYetRunning(Throwable e) {
        return ExceptionUtils.findThrowable(e, CheckpointException.class)
                .map(c -> c.getCheckpointFailureReason() == CheckpointFailureReason.NOT_ALL_REQUIRED_TASKS_RUNNING)
                .orElse(false);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
