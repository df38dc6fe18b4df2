package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.ParameterDeclaration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Renders stacks, resources and events in the output shapes of the CloudFormation API. */
final class StackShapes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StackShapes() {
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The Stack shape of DescribeStacks. */
    static ObjectNode stack(Stack stack) {
        StackDefinition definition = stack.definition();
        ObjectNode out = NODES.objectNode();
        out.put("StackId", stack.stackId());
        out.put("StackName", stack.stackName());
        if (definition.template() != null && definition.template().description() != null) {
            out.put("Description", definition.template().description());
        }
        out.set("Parameters", parameters(definition));
        lifecycleMembers(out, stack);
        out.put("DisableRollback", definition.disableRollback());
        out.set("NotificationARNs", strings(definition.notificationArns()));
        out.set("Capabilities", strings(definition.capabilities()));
        ArrayNode outputs = out.putArray("Outputs");
        for (StackOutput output : stack.outputs()) {
            ObjectNode o = outputs.addObject().put("OutputKey", output.key()).put("OutputValue", output.value());
            if (output.description() != null) {
                o.put("Description", output.description());
            }
            if (output.exportName() != null) {
                o.put("ExportName", output.exportName());
            }
        }
        out.set("Tags", tags(definition));
        out.put("EnableTerminationProtection", false);
        out.putObject("DriftInformation").put("StackDriftStatus", "NOT_CHECKED");
        return out;
    }

    /** The times and status that Stack and StackSummary both carry, in AWS's order. */
    private static void lifecycleMembers(ObjectNode out, Stack stack) {
        out.put("CreationTime", time(stack.creationTime()));
        if (stack.lastUpdatedTime() != null) {
            out.put("LastUpdatedTime", time(stack.lastUpdatedTime()));
        }
        if (stack.deletionTime() != null) {
            out.put("DeletionTime", time(stack.deletionTime()));
        }
        out.put("StackStatus", stack.status());
        if (stack.statusReason() != null) {
            out.put("StackStatusReason", stack.statusReason());
        }
    }

    /** Parameters as ParameterKey/ParameterValue, NoEcho values masked as AWS masks them. */
    static ArrayNode parameters(StackDefinition definition) {
        ArrayNode out = NODES.arrayNode();
        if (definition.template() == null) {
            return out;
        }
        definition.parameters().forEach((key, value) -> {
            ParameterDeclaration declaration = definition.template().parameters().get(key);
            boolean masked = declaration != null && declaration.noEcho();
            out.addObject().put("ParameterKey", key).put("ParameterValue", masked ? "****" : value);
        });
        return out;
    }

    static ArrayNode tags(StackDefinition definition) {
        ArrayNode out = NODES.arrayNode();
        definition.tags().forEach((k, v) -> out.addObject().put("Key", k).put("Value", v));
        return out;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode out = NODES.arrayNode();
        values.forEach(out::add);
        return out;
    }

    /** The StackEvent shape. */
    static ObjectNode event(Stack stack, StackEvent event) {
        ObjectNode out = NODES.objectNode();
        out.put("StackId", stack.stackId());
        out.put("EventId", event.eventId());
        out.put("StackName", stack.stackName());
        out.put("LogicalResourceId", event.logicalResourceId());
        if (event.physicalResourceId() != null) {
            out.put("PhysicalResourceId", event.physicalResourceId());
        }
        out.put("ResourceType", event.resourceType());
        out.put("Timestamp", time(event.timestamp()));
        out.put("ResourceStatus", event.resourceStatus());
        if (event.resourceStatusReason() != null) {
            out.put("ResourceStatusReason", event.resourceStatusReason());
        }
        if (event.resourceProperties() != null) {
            out.put("ResourceProperties", event.resourceProperties());
        }
        return out;
    }

    /** The StackResource / StackResourceDetail shape. */
    static ObjectNode resource(Stack stack, StackResource resource, boolean detail) {
        ObjectNode out = NODES.objectNode();
        out.put("StackName", stack.stackName());
        out.put("StackId", stack.stackId());
        return resourceMembers(out, resource, detail ? "LastUpdatedTimestamp" : "Timestamp");
    }

    /** The StackResourceSummary shape of ListStackResources. */
    static ObjectNode resourceSummary(StackResource resource) {
        return resourceMembers(NODES.objectNode(), resource, "LastUpdatedTimestamp");
    }

    /** The members every resource shape has, in AWS's order; only the timestamp's name differs. */
    private static ObjectNode resourceMembers(ObjectNode out, StackResource resource, String timestampMember) {
        out.put("LogicalResourceId", resource.logicalId());
        if (resource.physicalId() != null) {
            out.put("PhysicalResourceId", resource.physicalId());
        }
        out.put("ResourceType", resource.type());
        out.put(timestampMember, time(resource.timestamp()));
        out.put("ResourceStatus", resource.status());
        if (resource.reason() != null) {
            out.put("ResourceStatusReason", resource.reason());
        }
        out.putObject("DriftInformation").put("StackResourceDriftStatus", "NOT_CHECKED");
        return out;
    }

    /** The StackSummary shape of ListStacks. */
    static ObjectNode summary(Stack stack) {
        ObjectNode out = NODES.objectNode();
        out.put("StackId", stack.stackId());
        out.put("StackName", stack.stackName());
        StackDefinition definition = stack.definition();
        if (definition.template() != null && definition.template().description() != null) {
            out.put("TemplateDescription", definition.template().description());
        }
        lifecycleMembers(out, stack);
        out.putObject("DriftInformation").put("StackDriftStatus", "NOT_CHECKED");
        return out;
    }
}
