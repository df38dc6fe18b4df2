package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A resource type for engine tests (Test::Widget): keeps widgets in a map, fails when a property
 * Fail is "true", replaces on Name, records every call in order.
 */
final class WidgetResource implements ResourceHandler {

    final Map<String, ObjectNode> widgets = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String type() {
        return "Test::Widget";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "Size");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("Name");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        calls.add("create " + context.logicalId());
        if ("true".equals(context.text("Fail"))) {
            throw new ResourceFailure("Widget " + context.logicalId() + " refused to be created");
        }
        String name = context.text("Name") != null ? context.text("Name") : context.generatedName(64, false);
        if (widgets.containsKey(name)) {
            throw new ResourceFailure(name + " already exists");
        }
        widgets.put(name, context.properties());
        return ProvisionedResource.of(name, "Arn", "arn:test:widget/" + name, "Size",
                context.properties().path("Size").asText("0"));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        calls.add("update " + context.logicalId());
        if ("true".equals(context.text("Fail"))) {
            throw new ResourceFailure("Widget " + context.logicalId() + " refused to be updated");
        }
        widgets.put(current.physicalId(), context.properties());
        return ProvisionedResource.of(current.physicalId(), "Arn", "arn:test:widget/" + current.physicalId(),
                "Size", context.properties().path("Size").asText("0"));
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        calls.add("delete " + context.logicalId());
        widgets.remove(current.physicalId());
    }
}
