package io.github.kinesisfanout.sample;

/** A record whose bytes are not a transaction: not JSON, not an object, or a member of the wrong type. */
public final class MalformedTransactionException extends RuntimeException {

    public MalformedTransactionException(String message) {
        super(message);
    }

    public MalformedTransactionException(String message, Throwable cause) {
        super(message, cause);
    }
}
