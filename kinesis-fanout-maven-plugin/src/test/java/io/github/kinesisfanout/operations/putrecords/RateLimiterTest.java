package io.github.kinesisfanout.operations.putrecords;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pacing to a number of records per second. */
class RateLimiterTest {

    private long now = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    private RateLimiter limiter(double rate) {
        return new RateLimiter(rate, () -> now, duration -> {
            sleeps.add(duration);
            now += duration.toNanos();
        });
    }

    @Test
    void pacesBatchesToTheRate() {
        RateLimiter limiter = limiter(100);
        limiter.acquire(50);
        limiter.acquire(50);
        limiter.acquire(100);
        limiter.acquire(10);
        // 50 records at 100/s take 0.5 s, so the second batch waits 0.5 s, the third until 1 s, the fourth until 2 s.
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void noWaitWhenTheSenderIsSlowerThanTheRate() {
        RateLimiter limiter = limiter(100);
        limiter.acquire(100);
        now += 2_000_000_000L;
        limiter.acquire(100);
        assertEquals(List.of(), sleeps);
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter limiter = limiter(0);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(500);
        }
        assertEquals(List.of(), sleeps);
    }
}
