package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes the rows of one output to its destination from its own thread: rows queue up (a full
 * queue holds the engine back, so nothing is dropped), leave in batches as soon as they arrive,
 * and failed entries are retried with back-off until they are delivered, as AWS retries outputs
 * indefinitely.
 */
final class OutputWriter {

    private static final System.Logger LOG = System.getLogger(OutputWriter.class.getName());

    private final String description;
    private final Destination destination;
    private final OutputFormat format;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(20_000);
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    private final CountDownLatch abandon = new CountDownLatch(1);
    private final Thread thread;
    private final long stopTimeoutMillis;
    private volatile boolean stopping;

    OutputWriter(String description, Destination destination, OutputFormat format, long stopTimeoutMillis) {
        this.description = description;
        this.stopTimeoutMillis = stopTimeoutMillis;
        this.destination = destination;
        this.format = format;
        this.thread = new Thread(this::run, "analytics-output-" + description);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called on the engine thread for every row of the output's in-application stream. */
    void accept(Row row) {
        byte[] data = format.serialize(row);
        try {
            while (!queue.offer(data, 100, TimeUnit.MILLISECONDS)) {
                if (abandon.getCount() == 0) {
                    return;
                }
            }
            accepted.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drops what is queued and stops retrying: the application stops while its destination is unwritable. */
    void abandon() {
        if (abandon.getCount() > 0) {
            LOG.log(System.Logger.Level.WARNING, "output " + description + ": " + queue.size()
                    + " records not delivered at stop");
            abandon.countDown();
        }
    }

    /** Delivers what is queued, then ends; gives up on a destination that stays unwritable. */
    void stop() {
        stopping = true;
        try {
            thread.join(stopTimeoutMillis);
            if (thread.isAlive()) {
                abandon();
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<byte[]> batch = new ArrayList<>(destination.maxBatch());
        try {
            while (abandon.getCount() > 0) {
                byte[] first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (stopping) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, destination.maxBatch() - 1);
                deliver(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows queued so far. */
    long accepted() {
        return accepted.get();
    }

    /** Rows whose delivery is over (written, or given up on) so far. */
    long done() {
        return done.get();
    }

    private void deliver(List<byte[]> batch) throws InterruptedException {
        try {
            deliverAll(batch);
        } finally {
            done.addAndGet(batch.size());
        }
    }

    private void deliverAll(List<byte[]> batch) throws InterruptedException {
        List<byte[]> pending = batch;
        long backoff = 10;
        while (!pending.isEmpty()) {
            List<Integer> failed;
            try {
                failed = destination.deliver(pending);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "output " + description + ": " + e.getMessage());
                failed = null;
            }
            if (failed != null && failed.isEmpty()) {
                return;
            }
            if (failed != null) {
                List<byte[]> retry = new ArrayList<>(failed.size());
                for (int index : failed) {
                    retry.add(pending.get(index));
                }
                pending = retry;
            }
            if (abandon.await(backoff, TimeUnit.MILLISECONDS)) {
                return;
            }
            backoff = Math.min(1000, backoff * 2);
        }
    }
}
