package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes application snapshots to their storage: right after each API change, and once a second
 * for each application whose status or delivered checkpoints moved (at most one such write per
 * application per second).
 */
final class ApplicationKeeper implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ApplicationKeeper.class.getName());

    private final ApplicationStorage storage;
    private final Map<String, String> written = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;

    ApplicationKeeper(ApplicationStorage storage, Supplier<Iterable<Application>> applications) {
        this.storage = storage;
        if (!storage.keeps()) {
            ticker = null;
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analytics-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                applications.get().forEach(this::save);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot keep the applications: " + e.getMessage(), e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Writes the application's snapshot unless it is unchanged since the last write. */
    void save(Application app) {
        if (!storage.keeps()) {
            return;
        }
        synchronized (app) {
            ApplicationRunner runner = app.runner;
            Map<String, ShardPosition> checkpoints = runner != null ? runner.deliveredPositions() : app.checkpoints;
            ObjectNode snapshot = ApplicationSnapshots.snapshot(app, checkpoints);
            String text = snapshot.toString();
            if (!text.equals(written.get(app.arn))) {
                storage.save(app, snapshot);
                written.put(app.arn, text);
            }
        }
    }

    void delete(String accountId, String region, String name) {
        written.remove("arn:aws:kinesisanalytics:" + region + ":" + accountId + ":application/" + name);
        storage.delete(accountId, region, name);
    }

    /** Stops the once-a-second writes (a last save of each application is the caller's). */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
