package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kinesisfanout.local.lambda.runtime.InvocationOutcome;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of an invocation the mapping invocation failure switch fails: what Lambda answers
 * when the execution environment dies before the handler returns (errorType
 * {@code Runtime.ExitError}, function error {@code Unhandled}), in a fresh environment's log stream.
 */
final class InjectedFailure {

    static final String MESSAGE = "Runtime exited with error: signal: killed";
    /** Marks the log line as injected, so a reader of the logs can tell it from a real failure. */
    static final String LOG_MARKER = "(injected: lambdaFailureRate)";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private InjectedFailure() {
    }

    static InvocationOutcome outcome(String requestId) {
        String error = "RequestId: " + requestId + " Error: " + MESSAGE;
        byte[] payload = JsonNodeFactory.instance.objectNode().put("errorType", "Runtime.ExitError")
                .put("errorMessage", error).toString().getBytes(StandardCharsets.UTF_8);
        String logStream = DAY.format(LocalDate.now(ZoneOffset.UTC)) + "/[$LATEST]"
                + UUID.randomUUID().toString().replace("-", "");
        return new InvocationOutcome(payload, "Unhandled", List.of(new InvocationOutcome.LogLine(
                System.currentTimeMillis(), error + " " + LOG_MARKER)), logStream);
    }
}
