package io.github.kinesisfanout.local.lambda;

/**
 * The result of invoking a function synchronously.
 *
 * @param payload the response payload bytes
 * @param functionError null, or {@code Unhandled} when the function failed
 * @param logTail the last 4 KB of the invocation's log
 * @param requestId the invocation's request id
 */
public record InvokeResult(byte[] payload, String functionError, String logTail, String requestId) {
}
