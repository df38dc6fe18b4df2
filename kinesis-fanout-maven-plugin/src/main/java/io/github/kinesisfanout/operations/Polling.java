package io.github.kinesisfanout.operations;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a resource to reach a state: polls with a growing interval, logs a progress line
 * ("stream Transactions: CREATING, 3 s") and gives up with a clear message at the timeout.
 */
public final class Polling {

    private static final long MAX_INTERVAL_MILLIS = 2_000;

    private final Duration timeout;
    private final Duration firstInterval;
    private final ProgressListener listener;

    public Polling(Duration timeout, Duration firstInterval, ProgressListener listener) {
        this.timeout = timeout;
        this.firstInterval = firstInterval;
        this.listener = listener;
    }

    /**
     * Polls {@code read} until {@code done} accepts its value, and returns that value.
     *
     * @param what a label for progress lines and the timeout message, e.g. "stream Transactions"
     */
    public <T> T until(String what, Supplier<T> read, Predicate<T> done) {
        long start = System.nanoTime();
        long interval = Math.max(1, firstInterval.toMillis());
        T last = read.get();
        while (!done.test(last)) {
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (elapsed >= timeout.toMillis()) {
                throw HelpfulSuggestions.timedOut(what + " is still " + last, timeout.toSeconds());
            }
            listener.info(what + ": " + last + ", " + elapsed / 1000 + " s");
            sleep(Math.min(interval, timeout.toMillis() - elapsed));
            interval = Math.min(MAX_INTERVAL_MILLIS, interval * 2);
            last = read.get();
        }
        return last;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FanoutException("Interrupted while waiting", e);
        }
    }
}
