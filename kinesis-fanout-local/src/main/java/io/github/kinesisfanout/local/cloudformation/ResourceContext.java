package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * What a handler gets for one resource operation: the resolved properties, the stack it belongs to
 * and a way to call the other services of the local cloud.
 *
 * @param logicalId the resource's key in the template
 * @param stackName the stack's name, used for generated physical names
 * @param properties the resolved properties (no intrinsics left)
 * @param request the account and region the stack lives in
 * @param services the local cloud's services
 */
public record ResourceContext(String logicalId, String stackName, ObjectNode properties, RequestContext request,
        ServiceDirectory services) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** Calls an operation of another service, failing the resource when that service is not running. */
    public JsonNode call(String signingName, String operation, ObjectNode input) {
        AwsService service = services.find(signingName).orElseThrow(() -> new ResourceFailure(
                "Service " + signingName + " is not available in the local cloud, needed by " + logicalId));
        return service.invoke(operation, input, request);
    }

    /** A new empty input object. */
    public static ObjectNode input() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A property as text, or null when absent. */
    public String text(String property) {
        JsonNode value = properties.get(property);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** A required property as text; its absence fails the resource with AWS's wording. */
    public String required(String property) {
        String value = text(property);
        if (value == null) {
            throw new ResourceFailure("Properties validation failed for resource " + logicalId
                    + " with message: #: required key [" + property + "] not found");
        }
        return value;
    }

    /**
     * The physical name CloudFormation generates for a resource without an explicit name:
     * {@code <stack>-<logicalId>-<RANDOM>}, trimmed to the type's limit.
     */
    public String generatedName(int maxLength, boolean lowerCase) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String prefix = stackName + "-" + logicalId;
        int room = maxLength - suffix.length() - 1;
        if (prefix.length() > room) {
            prefix = prefix.substring(0, Math.max(0, room));
        }
        String name = prefix + "-" + suffix;
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
