package io.github.kinesisfanout.operations;

/**
 * A problem the user can fix (a missing setting, a stream that does not exist); its message names
 * the setting and the fix. The goals report it as a build failure, not as an internal error.
 */
public class FanoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FanoutException(String message) {
        super(message);
    }

    public FanoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
