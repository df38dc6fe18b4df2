package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.lambda.runtime.JavaRuntime;
import java.util.Map;

/**
 * One function ($LATEST only): its configuration as AWS reports it, its code and, for Java
 * runtimes, the runtime that runs that code. Mutated only under its own lock.
 */
final class LambdaFunction {

    final String name;
    final String arn;
    ObjectNode configuration;
    Map<String, String> environment;
    byte[] code;
    JavaRuntime runtime;
    String state = "Pending";
    String lastUpdateStatus = "Successful";
    /** The resource policy's statements by Sid, in the order they were added. */
    final Map<String, ObjectNode> statements = new java.util.LinkedHashMap<>();
    /** The function's tags. */
    final Map<String, String> tags = new java.util.concurrent.ConcurrentSkipListMap<>();

    LambdaFunction(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    synchronized ObjectNode configuration() {
        ObjectNode copy = configuration.deepCopy();
        copy.put("State", state);
        copy.put("LastUpdateStatus", lastUpdateStatus);
        if (state.equals("Pending")) {
            copy.put("StateReason", "The function is being created.");
            copy.put("StateReasonCode", "Creating");
        }
        return copy;
    }

    String runtimeName() {
        return configuration.path("Runtime").asText();
    }

    int timeoutSeconds() {
        return configuration.path("Timeout").asInt(3);
    }

    int memoryMb() {
        return configuration.path("MemorySize").asInt(128);
    }

    String role() {
        return configuration.path("Role").asText();
    }
}
