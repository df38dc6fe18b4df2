package io.github.kinesisfanout.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One service's published API model (botocore's {@code service-2.json}): operations, shapes, errors. */
record ServiceModel(String service, String apiVersion, JsonNode json) {

    String protocol() {
        return json.path("metadata").path("protocol").asText();
    }

    List<String> operations() {
        List<String> names = new ArrayList<>();
        json.path("operations").fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean hasOperation(String operation) {
        return json.path("operations").has(operation);
    }

    JsonNode operation(String operation) {
        return json.path("operations").path(operation);
    }

    /** The shape of a name; a missing node for an unknown name. */
    JsonNode shape(String name) {
        return json.path("shapes").path(name);
    }

    /** The output shape name of an operation, or null when it has none. */
    String outputShape(String operation) {
        JsonNode output = operation(operation).path("output");
        return output.isMissingNode() ? null : output.path("shape").asText();
    }

    /** The Query protocol's {@code <OpResult>} element name, or null. */
    String resultWrapper(String operation) {
        JsonNode wrapper = operation(operation).path("output").path("resultWrapper");
        return wrapper.isMissingNode() ? null : wrapper.asText();
    }

    /** The input members the model requires, none when the operation takes no input. */
    List<String> requiredInput(String operation) {
        JsonNode input = operation(operation).path("input");
        List<String> required = new ArrayList<>();
        if (!input.isMissingNode()) {
            shape(input.path("shape").asText()).path("required").forEach(n -> required.add(n.asText()));
        }
        return required;
    }

    /** The error codes the operation lists: each error shape's name and its Query {@code error.code}. */
    Set<String> errorCodes(String operation) {
        Set<String> codes = new LinkedHashSet<>();
        for (JsonNode error : operation(operation).path("errors")) {
            String name = error.path("shape").asText();
            codes.add(name);
            JsonNode code = shape(name).path("error").path("code");
            if (code.isTextual()) {
                codes.add(code.asText());
            }
        }
        return codes;
    }
}
