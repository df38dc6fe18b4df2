package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the template's Outputs section.
 *
 * @param key the output's logical name
 * @param value the Value, intrinsics unresolved
 * @param description the Description, or null
 * @param exportName the Export Name expression, or null when not exported
 * @param condition the gating condition name, or null
 */
public record OutputDeclaration(String key, JsonNode value, String description, JsonNode exportName,
        String condition) {

    static OutputDeclaration parse(String key, JsonNode node) {
        if (!node.isObject() || node.get("Value") == null) {
            throw new TemplateException("Template format error: Every Outputs member must contain a Value object"
                    + " (" + key + ")");
        }
        JsonNode export = node.get("Export");
        JsonNode exportName = null;
        if (export != null) {
            exportName = export.get("Name");
            if (exportName == null) {
                throw new TemplateException("Template format error: Output " + key
                        + " is malformed. The Name field of every Export member must be specified.");
            }
        }
        JsonNode description = node.get("Description");
        JsonNode condition = node.get("Condition");
        return new OutputDeclaration(key, node.get("Value"), description == null ? null : description.asText(),
                exportName, condition == null ? null : condition.asText());
    }
}
