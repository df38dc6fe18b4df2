package io.github.kinesisfanout.local.lambda.runtime;

/** The handler cannot be loaded or called: AWS reports these as a function error of the runtime. */
final class HandlerException extends RuntimeException {

    HandlerException(String message, Throwable cause) {
        super(message, cause);
    }
}
