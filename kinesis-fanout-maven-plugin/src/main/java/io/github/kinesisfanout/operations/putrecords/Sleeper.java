package io.github.kinesisfanout.operations.putrecords;

import io.github.kinesisfanout.operations.FanoutException;
import java.time.Duration;

/** Waits for a while: backoff between retries, pacing under a rate limit. Tests pass a recording one. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the calling thread; an interrupt ends the operation. */
    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FanoutException("Interrupted", e);
        }
    };

    void sleep(Duration duration);
}
