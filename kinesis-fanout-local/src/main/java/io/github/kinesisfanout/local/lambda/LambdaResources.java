package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Objects;

/** What the Lambda resource handlers share: copying properties into requests, tolerant deletes. */
final class LambdaResources {

    static final String LAMBDA = "lambda";

    private LambdaResources() {
    }

    /** Copies the named properties, as they are, into the request input. */
    static void copy(ObjectNode properties, ObjectNode input, String... names) {
        for (String name : names) {
            JsonNode value = properties.get(name);
            if (value != null && !value.isNull()) {
                input.set(name, value);
            }
        }
    }

    /** True when any of the named properties differs between the two property sets. */
    static boolean changed(ObjectNode before, ObjectNode after, String... names) {
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                return true;
            }
        }
        return false;
    }

    /** CloudFormation's Tags list as the Key/Value map Lambda takes. */
    static ObjectNode tagMap(JsonNode tags) {
        ObjectNode map = ResourceContext.input();
        if (tags != null && tags.isArray()) {
            tags.forEach(t -> map.put(t.path("Key").asText(), t.path("Value").asText()));
        }
        return map;
    }

    /** Runs a delete call, treating Lambda's ResourceNotFoundException as already deleted. */
    static void ignoringMissing(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (!LambdaErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }
}
