package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed template: its sections, each keyed by logical name in template order, intrinsics kept
 * unresolved. Structural checks happen here; references are checked by {@link TemplateValidator}.
 */
public record Template(JsonNode body, String description, Map<String, ParameterDeclaration> parameters,
        ObjectNode mappings, Map<String, JsonNode> conditions, Map<String, ResourceDeclaration> resources,
        Map<String, OutputDeclaration> outputs) {

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs");

    /** Reads and structurally checks a template body (JSON or YAML). */
    public static Template parse(String body) {
        return of(new TemplateReader().read(body));
    }

    /** Structurally checks an already-read template tree. */
    public static Template of(JsonNode root) {
        if (!root.isObject()) {
            throw new TemplateException("Template format error: JSON not well-formed.");
        }
        root.fieldNames().forEachRemaining(section -> {
            if (!SECTIONS.contains(section)) {
                throw new TemplateException("Template format error: Invalid template property or properties ["
                        + section + "]");
            }
        });
        if (root.has("Transform")) {
            throw new TemplateException("Transform " + root.get("Transform").asText()
                    + " is not supported by the local cloud");
        }
        JsonNode version = root.get("AWSTemplateFormatVersion");
        if (version != null && !version.asText().equals("2010-09-09")) {
            throw new TemplateException("Template format error: Unsupported template version "
                    + version.asText() + "; the only valid version is 2010-09-09");
        }
        JsonNode resourcesNode = root.get("Resources");
        if (resourcesNode == null || !resourcesNode.isObject() || resourcesNode.isEmpty()) {
            throw new TemplateException("Template format error: At least one Resources member must be defined.");
        }
        Map<String, ParameterDeclaration> parameters = new LinkedHashMap<>();
        section(root, "Parameters").fields().forEachRemaining(
                e -> parameters.put(e.getKey(), ParameterDeclaration.parse(e.getKey(), e.getValue())));
        Map<String, JsonNode> conditions = new LinkedHashMap<>();
        section(root, "Conditions").fields().forEachRemaining(e -> conditions.put(e.getKey(), e.getValue()));
        Map<String, ResourceDeclaration> resources = new LinkedHashMap<>();
        resourcesNode.fields().forEachRemaining(
                e -> resources.put(e.getKey(), ResourceDeclaration.parse(e.getKey(), e.getValue())));
        Map<String, OutputDeclaration> outputs = new LinkedHashMap<>();
        section(root, "Outputs").fields().forEachRemaining(
                e -> outputs.put(e.getKey(), OutputDeclaration.parse(e.getKey(), e.getValue())));
        JsonNode description = root.get("Description");
        return new Template(root, description == null ? null : description.asText(),
                Collections.unmodifiableMap(parameters), section(root, "Mappings"),
                Collections.unmodifiableMap(conditions), Collections.unmodifiableMap(resources),
                Collections.unmodifiableMap(outputs));
    }

    private static ObjectNode section(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw new TemplateException("Template format error: " + name + " must be an object");
        }
        return (ObjectNode) node;
    }
}
