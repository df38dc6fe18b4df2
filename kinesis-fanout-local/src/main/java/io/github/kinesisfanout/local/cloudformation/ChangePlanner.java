package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.cloudformation.template.DependencyGraph;
import io.github.kinesisfanout.local.cloudformation.template.EvaluationContext;
import io.github.kinesisfanout.local.cloudformation.template.Intrinsics;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the Changes of a change set: Add, Modify (with Replacement True or False and the
 * changed properties) and Remove, comparing resolved properties with what the stack holds.
 */
final class ChangePlanner {

    /** Stands for a value known only once a resource is created. */
    private static final String UNKNOWN = "{{changeSet:KNOWN_AFTER_APPLY}}";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ResourceHandlers handlers;

    ChangePlanner(ResourceHandlers handlers) {
        this.handlers = handlers;
    }

    ArrayNode plan(Stack stack, StackDefinition next, RequestContext request, Exports exports) {
        StackEvaluation evaluation = new StackEvaluation(stack, next, request, exports);
        Intrinsics lenient = new Intrinsics(new Preview(stack, evaluation));
        Map<String, StackResource> current = stack.resources();
        ArrayNode changes = NODES.arrayNode();
        List<String> order = DependencyGraph.of(next.template()).creationOrder();
        for (String id : order) {
            ResourceDeclaration declaration = next.template().resources().get(id);
            if (!evaluation.included(declaration)) {
                continue;
            }
            StackResource existing = current.get(id);
            if (existing == null || existing.provisioned() == null) {
                changes.add(change("Add", id, null, declaration.type()));
                continue;
            }
            ObjectNode properties = (ObjectNode) lenient.resolve(declaration.properties());
            boolean sameType = existing.type().equals(declaration.type());
            if (sameType && properties.equals(existing.properties())) {
                continue;
            }
            List<String> changed = PropertyChanges.changed(existing.properties(), properties);
            Set<String> replacing = handlers.find(declaration.type())
                    .map(ResourceHandler::replacementProperties).orElse(Set.of());
            boolean replace = !sameType || changed.stream().anyMatch(replacing::contains);
            ObjectNode change = change("Modify", id, existing.physicalId(), declaration.type());
            ObjectNode resourceChange = (ObjectNode) change.get("ResourceChange");
            resourceChange.put("Replacement", replace ? "True" : "False");
            resourceChange.putArray("Scope").add("Properties");
            ArrayNode details = resourceChange.putArray("Details");
            for (String name : changed) {
                ObjectNode detail = details.addObject();
                detail.putObject("Target").put("Attribute", "Properties").put("Name", name)
                        .put("RequiresRecreation", replacing.contains(name) ? "Always" : "Never");
                detail.put("Evaluation", "Static").put("ChangeSource", "DirectModification");
            }
            changes.add(change);
        }
        for (StackResource existing : current.values()) {
            ResourceDeclaration declaration = next.template().resources().get(existing.logicalId());
            if (declaration == null || !evaluation.included(declaration)) {
                changes.add(change("Remove", existing.logicalId(), existing.physicalId(), existing.type()));
            }
        }
        return changes;
    }

    private static ObjectNode change(String action, String logicalId, String physicalId, String type) {
        ObjectNode change = NODES.objectNode().put("Type", "Resource");
        ObjectNode resourceChange = change.putObject("ResourceChange");
        resourceChange.put("Action", action).put("LogicalResourceId", logicalId);
        if (physicalId != null) {
            resourceChange.put("PhysicalResourceId", physicalId);
        }
        resourceChange.put("ResourceType", type);
        return change;
    }

    /** Resolves like the stack does, but a resource not created yet yields a placeholder. */
    private record Preview(Stack stack, StackEvaluation delegate) implements EvaluationContext {

        @Override
        public JsonNode ref(String name) {
            StackResource resource = stack.resource(name);
            boolean pending = (resource == null || resource.provisioned() == null) && !name.startsWith("AWS::");
            try {
                return delegate.ref(name);
            } catch (RuntimeException e) {
                if (pending) {
                    return TextNode.valueOf(UNKNOWN);
                }
                throw e;
            }
        }

        @Override
        public JsonNode getAtt(String resource, String attribute) {
            try {
                return delegate.getAtt(resource, attribute);
            } catch (RuntimeException e) {
                return TextNode.valueOf(UNKNOWN);
            }
        }

        @Override
        public boolean condition(String name) {
            return delegate.condition(name);
        }

        @Override
        public JsonNode importValue(String exportName) {
            return delegate.importValue(exportName);
        }

        @Override
        public JsonNode mappings() {
            return delegate.mappings();
        }

        @Override
        public String region() {
            return delegate.region();
        }
    }
}
