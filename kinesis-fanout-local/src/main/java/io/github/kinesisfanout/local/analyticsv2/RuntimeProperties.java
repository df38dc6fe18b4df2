package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runtime properties file of a job: the application's PropertyGroups as Managed Flink hands them
 * to the job, plus a group {@value #GROUP} with what the job needs to reach this local cloud instead of
 * AWS (only keys no group of the application sets).
 */
final class RuntimeProperties {

    static final String GROUP = "KinesisFanoutLocalCloud";

    private RuntimeProperties() {
    }

    /** The keys the local cloud adds, in order: endpoint, region, static test credentials, HTTP/1.1. */
    static Map<String, String> added(URI endpoint, String region) {
        Map<String, String> added = new LinkedHashMap<>();
        added.put("aws.endpoint", endpoint.toString());
        added.put("aws.region", region);
        added.put("aws.credentials.provider", "BASIC");
        added.put("aws.credentials.basic.accesskeyid", "test");
        added.put("aws.credentials.basic.secretkey", "test");
        added.put("sink.http-client.protocol.version", "HTTP1_1");
        return added;
    }

    static ArrayNode of(JsonNode configuration, URI endpoint, String region) {
        ArrayNode groups = JsonNodeFactory.instance.arrayNode();
        JsonNode declared = configuration.path("EnvironmentProperties").path("PropertyGroups");
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (JsonNode group : declared) {
            groups.add(group.deepCopy());
            group.path("PropertyMap").fieldNames().forEachRemaining(keys::add);
        }
        ObjectNode local = JsonNodeFactory.instance.objectNode();
        added(endpoint, region).forEach((key, value) -> {
            if (!keys.contains(key)) {
                local.put(key, value);
            }
        });
        if (!local.isEmpty()) {
            groups.addObject().put("PropertyGroupId", GROUP).set("PropertyMap", local);
        }
        return groups;
    }
}
