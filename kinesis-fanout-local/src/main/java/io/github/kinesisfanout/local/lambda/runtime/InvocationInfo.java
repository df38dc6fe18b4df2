package io.github.kinesisfanout.local.lambda.runtime;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What a handler sees of one invocation through its Context.
 *
 * @param requestId the request id
 * @param functionName the function's name
 * @param functionArn the invoked ARN
 * @param memoryMb the configured memory
 * @param deadlineMillis epoch millis at which the invocation times out
 * @param logGroup the log group, {@code /aws/lambda/NAME}
 * @param logStream the environment's log stream
 * @param environment the function's environment variables plus those Lambda defines ({@code AWS_REGION}...)
 * @param log receives each line the handler logs
 */
public record InvocationInfo(String requestId, String functionName, String functionArn, int memoryMb,
        long deadlineMillis, String logGroup, String logStream, Map<String, String> environment,
        Consumer<String> log) {
}
