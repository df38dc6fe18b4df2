package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A stack as JSON: identity, status, definition (the template as submitted), resources, outputs, imports, events. */
final class StackJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StackJson() {
    }

    /** The stack; callers hold its monitor. */
    static byte[] write(Stack stack) {
        ObjectNode root = JSON.createObjectNode().put("stackId", stack.stackId()).put("stackName", stack.stackName())
                .put("creationTime", millis(stack.creationTime())).put("status", stack.status())
                .put("statusReason", stack.statusReason());
        root.set("lastUpdatedTime", JSON.valueToTree(millis(stack.lastUpdatedTime())));
        root.set("deletionTime", JSON.valueToTree(millis(stack.deletionTime())));
        StackDefinition definition = stack.definition();
        ObjectNode def = root.putObject("definition").put("templateBody", definition.templateBody())
                .put("disableRollback", definition.disableRollback());
        def.set("parameters", JSON.valueToTree(definition.parameters()));
        def.set("capabilities", JSON.valueToTree(definition.capabilities()));
        def.set("tags", JSON.valueToTree(definition.tags()));
        def.set("notificationArns", JSON.valueToTree(definition.notificationArns()));
        ArrayNode resources = root.putArray("resources");
        for (StackResource resource : stack.resources().values()) {
            ObjectNode node = resources.addObject().put("logicalId", resource.logicalId()).put("type", resource.type())
                    .put("status", resource.status()).put("reason", resource.reason())
                    .put("timestamp", millis(resource.timestamp()));
            node.set("properties", resource.properties());
            if (resource.provisioned() != null) {
                node.put("physicalId", resource.provisioned().physicalId());
                node.set("attributes", JSON.valueToTree(resource.provisioned().attributes()));
            }
        }
        ArrayNode outputs = root.putArray("outputs");
        stack.outputs().forEach(output -> outputs.addObject().put("key", output.key()).put("value", output.value())
                .put("description", output.description()).put("exportName", output.exportName()));
        root.set("imports", JSON.valueToTree(stack.imports()));
        ArrayNode events = root.putArray("events");
        List<StackEvent> newestFirst = stack.events();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            StackEvent event = newestFirst.get(i);
            events.addObject().put("eventId", event.eventId()).put("logicalResourceId", event.logicalResourceId())
                    .put("physicalResourceId", event.physicalResourceId()).put("resourceType", event.resourceType())
                    .put("timestamp", millis(event.timestamp())).put("resourceStatus", event.resourceStatus())
                    .put("resourceStatusReason", event.resourceStatusReason())
                    .put("resourceProperties", event.resourceProperties());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stack read(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        JsonNode def = root.get("definition");
        String body = def.get("templateBody").asText();
        StackDefinition definition = new StackDefinition(body, Template.parse(body),
                JSON.convertValue(def.get("parameters"), stringMap()), strings(def.get("capabilities")),
                JSON.convertValue(def.get("tags"), stringMap()), strings(def.get("notificationArns")),
                def.get("disableRollback").asBoolean());
        Stack stack = new Stack(root.get("stackId").asText(), root.get("stackName").asText(),
                instant(root.get("creationTime")), root.get("status").asText(), definition);
        Map<String, StackResource> resources = new LinkedHashMap<>();
        for (JsonNode node : root.get("resources")) {
            ProvisionedResource provisioned = node.hasNonNull("physicalId")
                    ? new ProvisionedResource(node.get("physicalId").asText(), JSON.convertValue(node.get("attributes"),
                            new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, JsonNode>>() { }))
                    : null;
            JsonNode properties = node.get("properties");
            resources.put(node.get("logicalId").asText(), new StackResource(node.get("logicalId").asText(),
                    node.get("type").asText(), node.get("status").asText(), text(node, "reason"),
                    instant(node.get("timestamp")), properties instanceof ObjectNode object ? object : null,
                    provisioned));
        }
        List<StackOutput> outputs = new ArrayList<>();
        for (JsonNode node : root.get("outputs")) {
            outputs.add(new StackOutput(text(node, "key"), text(node, "value"), text(node, "description"),
                    text(node, "exportName")));
        }
        List<StackEvent> events = new ArrayList<>();
        for (JsonNode node : root.get("events")) {
            events.add(new StackEvent(text(node, "eventId"), text(node, "logicalResourceId"),
                    text(node, "physicalResourceId"), text(node, "resourceType"), instant(node.get("timestamp")),
                    text(node, "resourceStatus"), text(node, "resourceStatusReason"), text(node, "resourceProperties")));
        }
        stack.restore(text(root, "statusReason"), instant(root.get("lastUpdatedTime")),
                instant(root.get("deletionTime")), resources, outputs, new LinkedHashSet<>(strings(root.get("imports"))),
                events);
        return stack;
    }

    private static com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, String>> stringMap() {
        return new com.fasterxml.jackson.core.type.TypeReference<>() { };
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> out.add(item.asText()));
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static Instant instant(JsonNode millis) {
        return millis == null || millis.isNull() ? null : Instant.ofEpochMilli(millis.asLong());
    }
}
