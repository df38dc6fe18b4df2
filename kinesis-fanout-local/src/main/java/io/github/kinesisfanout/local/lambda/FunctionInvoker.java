package io.github.kinesisfanout.local.lambda;

import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.lambda.runtime.InvocationInfo;
import io.github.kinesisfanout.local.lambda.runtime.InvocationOutcome;
import io.github.kinesisfanout.local.lambda.runtime.JavaRuntime;
import io.github.kinesisfanout.local.logs.LogsService;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one invocation of a function and writes its log as Lambda does: {@code START},
 * the handler's lines, {@code END} and {@code REPORT} into CloudWatch Logs
 * {@code /aws/lambda/NAME} (through the Logs service), and, when the settings ask for it, each line
 * to the local cloud's console prefixed with the function name.
 */
final class FunctionInvoker {

    /** The synchronous invocation payload limit, 6 MB. */
    static final int MAX_PAYLOAD = 6 * 1024 * 1024;
    private static final int LOG_TAIL = 4096;

    private final LogsService logs;
    private final java.util.function.Supplier<java.net.URI> endpoint;
    private final boolean logsToConsole;
    private final java.time.Clock clock;

    /** @param clock the time of the START, END and REPORT lines */
    FunctionInvoker(LogsService logs, java.util.function.Supplier<java.net.URI> endpoint, boolean logsToConsole,
            java.time.Clock clock) {
        this.logs = logs;
        this.endpoint = endpoint;
        this.logsToConsole = logsToConsole;
        this.clock = clock;
    }

    InvokeResult invoke(LambdaFunction function, byte[] payload, RequestContext context) {
        return invoke(function, payload, context, false);
    }

    /**
     * @param injectFailure fail the invocation before the handler runs, as Lambda reports an execution
     *     environment that died (the mapping invocation failure switch); logged like any invocation
     */
    InvokeResult invoke(LambdaFunction function, byte[] payload, RequestContext context, boolean injectFailure) {
        JavaRuntime runtime;
        String logGroup = "/aws/lambda/" + function.name;
        Map<String, String> environment;
        Duration timeout;
        int memory;
        synchronized (function) {
            if (!function.state.equals("Active")) {
                throw LambdaErrors.RESOURCE_CONFLICT.error("The operation cannot be performed at this"
                        + " time. The function is currently in the following state: " + function.state);
            }
            if (function.runtime == null) {
                throw LambdaErrors.INVALID_RUNTIME.error("runtime " + function.runtimeName()
                        + " is not supported by the local cloud: only Java functions (java11, java17, java21) run");
            }
            runtime = function.runtime;
            memory = function.memoryMb();
            timeout = Duration.ofSeconds(function.timeoutSeconds());
            environment = new HashMap<>(JavaRuntime.lambdaVariables(function.name, memory, context.region(),
                    function.runtimeName(), logGroup));
            // Lambda gives every function its role's credentials; here any credentials work, and the
            // endpoint makes the AWS SDK inside a handler call this local cloud.
            environment.put("AWS_ACCESS_KEY_ID", "local");
            environment.put("AWS_SECRET_ACCESS_KEY", "local");
            java.net.URI uri = endpoint.get();
            if (uri != null) {
                environment.put("AWS_ENDPOINT_URL", uri.toString());
            }
            environment.putAll(FunctionSettings.variables(function.configuration));
        }
        if (payload.length > MAX_PAYLOAD) {
            throw LambdaErrors.REQUEST_TOO_LARGE.error(
                    "Request must be smaller than 6291456 bytes for the InvokeFunction operation");
        }
        String requestId = UUID.randomUUID().toString();
        long start = clock.millis();
        long startNanos = System.nanoTime();
        // The deadline is for getRemainingTimeInMillis: elapsed time on the system clock, not the cloud's.
        InvocationInfo info = new InvocationInfo(requestId, function.name, function.arn, memory,
                System.currentTimeMillis() + timeout.toMillis(), logGroup, null, Map.copyOf(environment), null);
        InvocationOutcome outcome = injectFailure ? InjectedFailure.outcome(requestId, clock)
                : runtime.invoke(payload, info, timeout);
        long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000;
        long end = clock.millis();
        List<LogsService.InputLogEvent> events = new ArrayList<>();
        events.add(new LogsService.InputLogEvent(start, "START RequestId: " + requestId + " Version: $LATEST"));
        outcome.logLines().forEach(line -> events.add(new LogsService.InputLogEvent(line.timestamp(), line.message())));
        events.add(new LogsService.InputLogEvent(end, "END RequestId: " + requestId));
        long duration = Math.max(1, elapsedMillis);
        events.add(new LogsService.InputLogEvent(end, "REPORT RequestId: " + requestId + "\tDuration: " + duration
                + " ms\tBilled Duration: " + duration + " ms\tMemory Size: " + memory + " MB\tMax Memory Used: "
                + memory + " MB"));
        logs.appendToStream(context, logGroup, outcome.logStream(), events);
        if (logsToConsole) {
            printToConsole(function.name, events);
        }
        return new InvokeResult(outcome.payload(), outcome.functionError(), tail(events), requestId);
    }

    private static void printToConsole(String name, List<LogsService.InputLogEvent> events) {
        PrintStream console = JavaRuntime.console();
        StringBuilder text = new StringBuilder();
        for (LogsService.InputLogEvent event : events) {
            Arrays.stream(event.message().split("\n")).forEach(line -> text.append('[').append(name).append("] ")
                    .append(line).append(System.lineSeparator()));
        }
        console.print(text);
        console.flush();
    }

    /** The base64 X-Amz-Log-Result: the last 4 KB of the log text. */
    private static String tail(List<LogsService.InputLogEvent> events) {
        StringBuilder text = new StringBuilder();
        events.forEach(e -> text.append(e.message()).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - LOG_TAIL);
        return java.util.Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, from, bytes.length));
    }
}
