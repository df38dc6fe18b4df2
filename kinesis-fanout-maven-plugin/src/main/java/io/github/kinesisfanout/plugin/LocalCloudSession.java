package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.SessionData;

/**
 * Keeps the local cloud that start-local started for the rest of one Maven session, in that
 * session's own data store (the repository session's {@link SessionData}), so later goals of the
 * same build find it and two builds in one JVM never share one. A cloud that no stop-local closed
 * is closed when the session ends ({@link StopAtSessionEnd}), or at the latest by a JVM shutdown hook.
 */
final class LocalCloudSession {

    /** The session-data key; one running cloud per Maven session. */
    static final String KEY = LocalCloudSession.class.getName();

    /** The mutable slot stored once per session; the cloud inside changes under its lock. */
    static final class Slot {
        private LocalCloud cloud;
        private Thread shutdownHook;
        private boolean stopsAtSessionEnd;
    }

    private LocalCloudSession() {
    }

    /** The cloud running in this session, if any. */
    static Optional<LocalCloud> running(MavenSession session) {
        Slot slot = slot(session);
        synchronized (slot) {
            return Optional.ofNullable(slot.cloud);
        }
    }

    /**
     * The cloud running in this session, or a new one from {@code start}, which is then kept.
     *
     * @return the cloud and whether it was started now
     */
    static Started startIfAbsent(MavenSession session, Supplier<LocalCloud> start, Consumer<String> log) {
        Slot slot = slot(session);
        synchronized (slot) {
            if (slot.cloud != null) {
                return new Started(slot.cloud, false);
            }
            LocalCloud cloud = start.get();
            slot.cloud = cloud;
            slot.shutdownHook = new Thread(cloud::close, "kinesis-fanout-local-cloud-shutdown");
            Runtime.getRuntime().addShutdownHook(slot.shutdownHook);
            if (!slot.stopsAtSessionEnd) {
                slot.stopsAtSessionEnd = true;
                MavenExecutionRequest request = session.getRequest();
                request.setExecutionListener(new StopAtSessionEnd(request.getExecutionListener(),
                        () -> stop(slot).ifPresent(stopped ->
                                log.accept("Local cloud on " + stopped + " stopped at the end of the build"))));
            }
            return new Started(cloud, true);
        }
    }

    /** Stops and forgets the session's cloud; returns the endpoint it had, or empty when none was running. */
    static Optional<URI> stop(MavenSession session) {
        return stop(slot(session));
    }

    private static Optional<URI> stop(Slot slot) {
        synchronized (slot) {
            LocalCloud cloud = slot.cloud;
            if (cloud == null) {
                return Optional.empty();
            }
            URI endpoint = cloud.endpoint();
            slot.cloud = null;
            try {
                Runtime.getRuntime().removeShutdownHook(slot.shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The JVM is exiting: the hook runs anyway and closing twice is harmless.
            }
            slot.shutdownHook = null;
            cloud.close();
            return Optional.of(endpoint);
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
            throw new IllegalStateException("Another version of kinesis-fanout-maven-plugin holds the local cloud of"
                    + " this build: use one plugin version in every module");
        }
        return (Slot) value;
    }

    /** A cloud and whether this call started it. */
    record Started(LocalCloud cloud, boolean isNew) {
    }
}
