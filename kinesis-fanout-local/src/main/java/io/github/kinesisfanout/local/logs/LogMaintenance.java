package io.github.kinesisfanout.local.logs;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps CloudWatch Logs bounded, at start and once a minute: drops the events past their group's
 * retention from memory, compacts the journal once more than {@value #DEAD_SHARE_PERCENT}% of it
 * is dead (deleted groups and streams, expired events) and it has at least {@value #MIN_JOURNAL_BYTES}
 * bytes, and compacts the spill log's mostly dead segments.
 */
final class LogMaintenance implements AutoCloseable {

    static final int DEAD_SHARE_PERCENT = 50;
    /** A smaller journal is not worth rewriting. */
    static final long MIN_JOURNAL_BYTES = 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(LogMaintenance.class.getName());

    private final LogStore store;
    private final LogJournal journal;
    private final MessageSpill messages;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    /** Journal bytes per estimated live byte, measured at the last compaction (escapes, UTF-8, framing). */
    private double bytesPerLiveByte = 1.0;

    LogMaintenance(LogStore store, LogJournal journal, MessageSpill messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.journal = journal;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "logs-maintenance");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs once now, then once a minute. */
    LogMaintenance start() {
        run();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "CloudWatch Logs maintenance failed: " + e.getMessage(), e);
            }
        }, 1, 1, TimeUnit.MINUTES);
        return this;
    }

    /** One sweep, a compaction of the journal when its dead share calls for one, and of the spill log. */
    synchronized void run() {
        long now = clock.millis();
        LogRetention.dropExpired(store, now, journal);
        compactJournal(now);
        messages.compact();
    }

    private void compactJournal(long now) {
        long size = journal.sizeBytes();
        if (size < MIN_JOURNAL_BYTES) {
            return;
        }
        long live = LogRetention.liveBytes(store);
        if ((size - live * bytesPerLiveByte) * 100 > size * (long) DEAD_SHARE_PERCENT) {
            journal.compact(now);
            long compacted = journal.sizeBytes();
            LOG.log(System.Logger.Level.INFO, "compacted the CloudWatch Logs journal from " + size + " to about "
                    + compacted + " bytes");
            bytesPerLiveByte = Math.max(1.0, (double) compacted / Math.max(1, LogRetention.liveBytes(store)));
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
