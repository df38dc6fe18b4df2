package io.github.kinesisfanout.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition until it holds or a timeout passes (never a fixed sleep); the one poll loop of the tests. */
public final class Await {

    private Await() {
    }

    /** Polls until the condition holds; on timeout, fails with what {@code whatFailed} says. */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed) {
        until(timeout, condition::getAsBoolean, Boolean::booleanValue, held -> whatFailed.get());
    }

    /**
     * Polls a value until it satisfies {@code done} and returns it; on timeout, fails with what
     * {@code whatFailed} says of the last value.
     */
    public static <T> T until(Duration timeout, Supplier<T> poll, Predicate<? super T> done,
            Function<? super T, String> whatFailed) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = poll.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + ": " + whatFailed.apply(value));
            }
            Thread.onSpinWait();
            try {
                synchronized (Await.class) {
                    Await.class.wait(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
            value = poll.get();
        }
        return value;
    }
}
