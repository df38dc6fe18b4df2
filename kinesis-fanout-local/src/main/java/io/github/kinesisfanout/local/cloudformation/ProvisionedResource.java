package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler provisioned: the physical id (what {@code Ref} returns) and the attributes
 * {@code Fn::GetAtt} returns.
 */
public record ProvisionedResource(String physicalId, Map<String, JsonNode> attributes) {

    public ProvisionedResource {
        attributes = Map.copyOf(attributes);
    }

    /** A resource with string attributes given as name, value pairs. */
    public static ProvisionedResource of(String physicalId, String... nameValuePairs) {
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
            attributes.put(nameValuePairs[i], TextNode.valueOf(nameValuePairs[i + 1]));
        }
        return new ProvisionedResource(physicalId, attributes);
    }
}
