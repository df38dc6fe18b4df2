package io.github.kinesisfanout.local.analytics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Moves an application through a transient status (STARTING, STOPPING, UPDATING, DELETING) to the
 * status its work settles in. AWS runs these asynchronously; here the transient status stays
 * observable for the configured delay, and with no delay the call returns already settled.
 */
final class StatusTransitions implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StatusTransitions.class.getName());

    private final long delayMillis;
    private final ScheduledExecutorService scheduler;

    StatusTransitions(Duration statusTransitionDelay) {
        this.delayMillis = statusTransitionDelay.toMillis();
        this.scheduler = delayMillis == 0 ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "analytics-transitions");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Runs the work after the delay; it answers the settled status. If it fails, the application
     * settles in {@code onFailure}.
     */
    void run(Application app, Supplier<String> work, String onFailure) {
        Runnable task = () -> {
            String settled = onFailure;
            try {
                settled = work.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "application " + app.name + ": " + e.getMessage(), e);
            }
            synchronized (app) {
                app.status = settled;
            }
        };
        if (scheduler == null) {
            task.run();
        } else {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
