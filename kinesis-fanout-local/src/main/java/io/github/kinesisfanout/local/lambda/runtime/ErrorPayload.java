package io.github.kinesisfanout.local.lambda.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The response payload of a failed Java invocation, as AWS's Java runtime writes it:
 * {@code {"errorMessage":..,"errorType":"java.lang.IllegalStateException","stackTrace":[..],"cause":{..}}}.
 */
final class ErrorPayload {

    private ErrorPayload() {
    }

    static ObjectNode of(Throwable error) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        if (error instanceof HandlerException) {
            payload.put("errorMessage", error.getMessage());
            payload.put("errorType", error.getCause() == null ? "java.lang.RuntimeException"
                    : error.getCause().getClass().getName());
            return payload;
        }
        if (error.getMessage() != null) {
            payload.put("errorMessage", error.getMessage());
        }
        payload.put("errorType", error.getClass().getName());
        ArrayNode trace = payload.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            trace.add(element.toString());
        }
        if (error.getCause() != null && error.getCause() != error) {
            payload.set("cause", of(error.getCause()));
        }
        return payload;
    }
}
