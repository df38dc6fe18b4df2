package io.github.kinesisfanout.local.analyticsv2;

/** A job could not start or failed; the message is the root cause, fit for the application's log. */
public class FlinkLaunchException extends RuntimeException {

    public FlinkLaunchException(String message) {
        super(message);
    }

    public FlinkLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
