package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.flink.RunningJob;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Keeps the Flink job that flink-start-local started for the rest of one Maven session, as
 * {@link LocalCloudSession} keeps the local cloud: a job no flink-stop-local stopped is stopped when
 * the session ends ({@link StopAtSessionEnd}), before the cloud it reads from, or by a JVM shutdown hook.
 */
final class FlinkJobSession {

    /** The session-data key; one running job per Maven session. */
    static final String KEY = FlinkJobSession.class.getName();

    /** The mutable slot stored once per session. */
    static final class Slot {
        private RunningJob job;
        private Thread shutdownHook;
        private boolean stopsAtSessionEnd;
    }

    private FlinkJobSession() {
    }

    /** The job running in this session, if any. */
    static Optional<RunningJob> running(MavenSession session) {
        Slot slot = slot(session);
        synchronized (slot) {
            return Optional.ofNullable(slot.job);
        }
    }

    /** Keeps {@code job} as this session's job, to be stopped at the session's end unless stopped before. */
    static void keep(MavenSession session, RunningJob job, Consumer<String> log) {
        Slot slot = slot(session);
        synchronized (slot) {
            if (slot.job != null) {
                throw new IllegalStateException("A Flink job is already running in this build: stop it first");
            }
            slot.job = job;
            slot.shutdownHook = new Thread(job::stop, "kinesis-fanout-flink-job-shutdown");
            Runtime.getRuntime().addShutdownHook(slot.shutdownHook);
            if (!slot.stopsAtSessionEnd) {
                slot.stopsAtSessionEnd = true;
                // Registered after start-local's listener, so it wraps it: the job stops before the cloud.
                MavenExecutionRequest request = session.getRequest();
                request.setExecutionListener(new StopAtSessionEnd(request.getExecutionListener(),
                        () -> stop(slot).ifPresent(stopped -> log.accept("Flink job " + stopped.jobId()
                                + stopped.failure().map(cause -> " had failed (" + cause + ") and was").orElse("")
                                + " stopped at the end of the build (log: " + stopped.logFile() + ")"))));
            }
        }
    }

    /** Stops and forgets the session's job; returns it, or empty when none was running. */
    static Optional<RunningJob> stop(MavenSession session) {
        return stop(slot(session));
    }

    private static Optional<RunningJob> stop(Slot slot) {
        synchronized (slot) {
            RunningJob job = slot.job;
            if (job == null) {
                return Optional.empty();
            }
            slot.job = null;
            try {
                Runtime.getRuntime().removeShutdownHook(slot.shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The JVM is exiting: the hook runs anyway and stopping twice is harmless.
            }
            slot.shutdownHook = null;
            job.stop();
            return Optional.of(job);
        }
    }

    private static Slot slot(MavenSession session) {
        SessionData data = session.getRepositorySession().getData();
        Object value = data.get(KEY);
        if (value == null) {
            // Compare-and-set: two goals running in parallel modules agree on one slot.
            data.set(KEY, null, new Slot());
            value = data.get(KEY);
        }
        if (!(value instanceof Slot)) {
            throw new IllegalStateException("Another version of kinesis-fanout-maven-plugin holds the Flink job of"
                    + " this build: use one plugin version in every module");
        }
        return (Slot) value;
    }
}
