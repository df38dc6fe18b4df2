package io.github.kinesisfanout.local.analytics;

/** Invokes a Lambda function synchronously, as an application's LambdaOutput does. */
@FunctionalInterface
public interface LambdaInvoker {

    /** Whether the cloud has a Lambda service to invoke. */
    default boolean available() {
        return true;
    }

    /**
     * Invokes the function with a JSON payload.
     *
     * @param functionArn the function ARN of the output
     * @param payload the event, JSON bytes
     * @return the function's response, JSON bytes
     */
    byte[] invoke(String functionArn, byte[] payload);
}
