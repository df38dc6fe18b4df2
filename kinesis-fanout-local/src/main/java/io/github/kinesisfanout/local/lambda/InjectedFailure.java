package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kinesisfanout.local.lambda.runtime.InvocationOutcome;
import io.github.kinesisfanout.local.lambda.runtime.JavaRuntime;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The outcome of an invocation the mapping invocation failure switch fails: what Lambda answers
 * when the execution environment dies before the handler returns (errorType
 * {@code Runtime.ExitError}, function error {@code Unhandled}), in a fresh environment's log stream.
 */
final class InjectedFailure {

    static final String MESSAGE = "Runtime exited with error: signal: killed";
    /** Marks the log line as injected, so a reader of the logs can tell it from a real failure. */
    static final String LOG_MARKER = "(injected: lambdaFailureRate)";

    private InjectedFailure() {
    }

    static InvocationOutcome outcome(String requestId, java.time.Clock clock) {
        String error = "RequestId: " + requestId + " Error: " + MESSAGE;
        byte[] payload = JsonNodeFactory.instance.objectNode().put("errorType", "Runtime.ExitError")
                .put("errorMessage", error).toString().getBytes(StandardCharsets.UTF_8);
        return new InvocationOutcome(payload, "Unhandled", List.of(new InvocationOutcome.LogLine(
                clock.millis(), error + " " + LOG_MARKER)), JavaRuntime.newLogStream(clock));
    }
}
