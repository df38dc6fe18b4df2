package io.github.kinesisfanout.local.cloudformation;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a provisioned resource to settle (a stream ACTIVE, a function Active), as
 * CloudFormation does before it reports CREATE_COMPLETE; a poll with a deadline.
 */
public final class Stabilizer {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Stabilizer() {
    }

    /** Polls until the condition holds; fails the resource naming what it waited for after a minute. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long pauseMillis = 1;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ResourceFailure("Timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResourceFailure("Interrupted while waiting for " + what);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }
}
