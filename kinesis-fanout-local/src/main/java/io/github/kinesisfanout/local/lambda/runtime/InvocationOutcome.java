package io.github.kinesisfanout.local.lambda.runtime;

import java.util.List;

/**
 * What one invocation produced.
 *
 * @param payload the response payload (the result's JSON, or the error's JSON on a function error)
 * @param functionError null on success, {@code Unhandled} when the handler threw or timed out
 * @param logLines what the handler logged, in order, each with its epoch-millis timestamp
 * @param logStream the log stream of the environment that ran it
 */
public record InvocationOutcome(byte[] payload, String functionError, List<LogLine> logLines, String logStream) {

    /** One logged line. */
    public record LogLine(long timestamp, String message) {
    }
}
