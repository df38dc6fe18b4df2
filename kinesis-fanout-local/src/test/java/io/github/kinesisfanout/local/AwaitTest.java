package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tests' one poll loop: the first value that satisfies the condition, or a failure naming the last. */
class AwaitTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() {
        AtomicInteger polls = new AtomicInteger();
        assertEquals(3, Await.until(Duration.ofSeconds(10), polls::incrementAndGet, n -> n >= 3, n -> "at " + n));
        assertEquals(3, polls.get());
    }

    @Test
    void aConditionThatNeverHoldsFailsWithWhatTheLastValueSays() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Await.until(Duration.ofMillis(20), () -> "empty", v -> false, v -> "last " + v));
        assertEquals("timed out after PT0.02S: last empty", e.getMessage());
        AssertionError b = assertThrows(AssertionError.class,
                () -> Await.until(Duration.ofMillis(20), () -> false, () -> "never"));
        assertEquals("timed out after PT0.02S: never", b.getMessage());
    }
}
