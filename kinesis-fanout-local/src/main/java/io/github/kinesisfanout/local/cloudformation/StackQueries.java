package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The read operations on stacks: describe, list, events, resources, template and exports. */
final class StackQueries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    JsonNode describeStacks(ObjectNode input, StackStore store) {
        String name = QueryInput.text(input, "StackName");
        List<Stack> stacks = name == null ? store.live() : List.of(store.get(name));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Stacks");
        stacks.forEach(s -> list.add(StackShapes.stack(s)));
        return out;
    }

    JsonNode describeStackEvents(ObjectNode input, StackStore store) {
        Stack stack = store.get(QueryInput.required(input, "StackName"));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("StackEvents");
        stack.events().forEach(e -> list.add(StackShapes.event(stack, e)));
        return out;
    }

    JsonNode describeStackResource(ObjectNode input, StackStore store) {
        Stack stack = store.get(QueryInput.required(input, "StackName"));
        String logicalId = QueryInput.required(input, "LogicalResourceId");
        StackResource resource = stack.resource(logicalId);
        if (resource == null) {
            throw CloudFormationErrors.VALIDATION_ERROR.error("Resource " + logicalId + " does not exist for stack "
                    + stack.stackName());
        }
        ObjectNode out = NODES.objectNode();
        ObjectNode detail = StackShapes.resource(stack, resource, true);
        detail.put("Metadata", "{}");
        out.set("StackResourceDetail", detail);
        return out;
    }

    JsonNode describeStackResources(ObjectNode input, StackStore store) {
        String name = QueryInput.text(input, "StackName");
        String physicalId = QueryInput.text(input, "PhysicalResourceId");
        String logicalId = QueryInput.text(input, "LogicalResourceId");
        Stack stack = name != null ? store.get(name) : byPhysicalId(store, physicalId);
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("StackResources");
        for (StackResource resource : stack.resources().values()) {
            if ((logicalId == null || logicalId.equals(resource.logicalId()))
                    && (name == null || physicalId == null || physicalId.equals(resource.physicalId()))) {
                list.add(StackShapes.resource(stack, resource, false));
            }
        }
        return out;
    }

    private static Stack byPhysicalId(StackStore store, String physicalId) {
        if (physicalId == null) {
            throw CloudFormationErrors.VALIDATION_ERROR.error(
                    "Either StackName or PhysicalResourceId must be specified.");
        }
        for (Stack stack : store.live()) {
            for (StackResource resource : stack.resources().values()) {
                if (physicalId.equals(resource.physicalId())) {
                    return stack;
                }
            }
        }
        throw CloudFormationErrors.VALIDATION_ERROR.error("Stack for " + physicalId + " does not exist");
    }

    JsonNode listStacks(ObjectNode input, StackStore store) {
        List<String> filter = QueryInput.strings(input, "StackStatusFilter");
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("StackSummaries");
        store.all().stream().filter(s -> filter.isEmpty() || filter.contains(s.status()))
                .forEach(s -> list.add(StackShapes.summary(s)));
        return out;
    }

    JsonNode listStackResources(ObjectNode input, StackStore store) {
        Stack stack = store.get(QueryInput.required(input, "StackName"));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("StackResourceSummaries");
        stack.resources().values().forEach(r -> list.add(StackShapes.resourceSummary(r)));
        return out;
    }

    JsonNode getTemplate(ObjectNode input, StackStore store) {
        String stackName = QueryInput.text(input, "StackName");
        String changeSetName = QueryInput.text(input, "ChangeSetName");
        StackDefinition definition = changeSetName != null
                ? store.changeSet(changeSetName, stackName).definition()
                : store.get(QueryInput.required(input, "StackName")).definition();
        ObjectNode out = NODES.objectNode();
        out.put("TemplateBody", definition.templateBody());
        out.putArray("StagesAvailable").add("Original").add("Processed");
        return out;
    }

    JsonNode listExports(StackStore store) {
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Exports");
        for (Map.Entry<Stack, StackOutput> entry : store.exports()) {
            list.addObject().put("ExportingStackId", entry.getKey().stackId())
                    .put("Name", entry.getValue().exportName()).put("Value", entry.getValue().value());
        }
        return out;
    }
}
