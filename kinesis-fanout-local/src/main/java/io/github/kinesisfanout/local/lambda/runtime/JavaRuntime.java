package io.github.kinesisfanout.local.lambda.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one version of a Java function's code: a pool of {@link FunctionEnvironment}s (one per
 * concurrent invocation, created on demand like Lambda's cold starts), each invocation on an
 * executor thread so the function's timeout can be enforced.
 */
public final class JavaRuntime implements AutoCloseable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final String functionName;
    private final String handler;
    private final FunctionCode code;
    private final ExecutorService executor;
    private final java.time.Clock clock;
    private final ConcurrentLinkedDeque<FunctionEnvironment> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    /** @param clock the time of log lines and of the log stream's date */
    public JavaRuntime(String functionName, String handler, FunctionCode code, ExecutorService executor,
            java.time.Clock clock) {
        this.functionName = functionName;
        this.handler = handler;
        this.code = code;
        this.executor = executor;
        this.clock = clock;
        InvocationScope.install();
    }

    /**
     * Invokes the handler with the payload.
     *
     * @param info the invocation's context; its {@code logStream} and {@code log} are filled in here
     * @param timeout the function's timeout
     */
    public InvocationOutcome invoke(byte[] payload, InvocationInfo info, Duration timeout) {
        List<InvocationOutcome.LogLine> lines = Collections.synchronizedList(new ArrayList<>());
        FunctionEnvironment pooled = idle.pollFirst();
        String logStream = pooled != null ? pooled.logStream : newLogStream(clock);
        InvocationInfo scoped = new InvocationInfo(info.requestId(), info.functionName(), info.functionArn(),
                info.memoryMb(), info.deadlineMillis(), info.logGroup(), logStream, info.environment(),
                message -> lines.add(new InvocationOutcome.LogLine(clock.millis(), message)));
        FunctionEnvironment[] used = {pooled};
        java.util.concurrent.atomic.AtomicBoolean abandoned = new java.util.concurrent.atomic.AtomicBoolean();
        Future<byte[]> result = executor.submit(() -> {
            InvocationScope.Scope scope = new InvocationScope.Scope(scoped.log(), info.environment());
            InvocationScope.enter(scope);
            try {
                if (used[0] == null) {
                    used[0] = new FunctionEnvironment(functionName, code, handler, logStream);
                }
                return used[0].call(payload, scoped);
            } finally {
                InvocationScope.exit(scope);
                if (abandoned.get() && used[0] != null) {
                    // The invocation timed out: its environment is not reused; release its jars now it ended.
                    used[0].close();
                }
            }
        });
        try {
            byte[] output = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            release(used[0]);
            return new InvocationOutcome(output, null, List.copyOf(lines), logStream);
        } catch (TimeoutException e) {
            abandoned.set(true);
            result.cancel(true);
            // Lambda discards an environment whose invocation timed out; the next call starts cold.
            String message = String.format("Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
            java.time.Instant now = clock.instant();
            lines.add(new InvocationOutcome.LogLine(now.toEpochMilli(), now + " " + info.requestId() + " " + message));
            ObjectNode error = JsonNodeFactory.instance.objectNode().put("errorType", "Sandbox.Timedout")
                    .put("errorMessage", "RequestId: " + info.requestId() + " Error: " + message);
            return new InvocationOutcome(bytes(error), "Unhandled", List.copyOf(lines), logStream);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (!(cause instanceof HandlerException)) {
                release(used[0]);
            }
            lines.add(new InvocationOutcome.LogLine(clock.millis(), describe(cause)));
            return new InvocationOutcome(bytes(ErrorPayload.of(cause)), "Unhandled", List.copyOf(lines), logStream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new IllegalStateException("interrupted while invoking " + functionName, e);
        }
    }

    private void release(FunctionEnvironment environment) {
        if (environment == null) {
            return;
        }
        if (closed) {
            environment.close();
        } else {
            idle.addFirst(environment);
        }
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        for (StackTraceElement element : error.getStackTrace()) {
            text.append("\n\tat ").append(element);
        }
        return text.toString();
    }

    /** Lambda's log stream naming: {@code YYYY/MM/DD/[$LATEST]} and a 32-hex environment id. */
    public static String newLogStream(java.time.Clock clock) {
        return DAY.format(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The environment variables Lambda defines for every function, merged under the function's own. */
    public static Map<String, String> lambdaVariables(String functionName, int memoryMb, String region,
            String runtime, String logGroup) {
        return Map.of("AWS_REGION", region, "AWS_DEFAULT_REGION", region, "AWS_LAMBDA_FUNCTION_NAME", functionName,
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb), "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
                "AWS_LAMBDA_LOG_GROUP_NAME", logGroup, "AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
    }

    /** The console as it was before function output was routed: where function log lines are printed. */
    public static java.io.PrintStream console() {
        return InvocationScope.console();
    }

    @Override
    public void close() {
        closed = true;
        for (FunctionEnvironment environment = idle.poll(); environment != null; environment = idle.poll()) {
            environment.close();
        }
        code.close();
    }
}
