package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the template's Resources section, intrinsics still unresolved.
 *
 * @param logicalId the key in Resources
 * @param type e.g. {@code AWS::Kinesis::Stream}
 * @param properties the Properties object ({@code {}} when absent)
 * @param dependsOn the explicit DependsOn names
 * @param condition the name of the condition that gates it, or null
 * @param deletionPolicy Delete (default), Retain or Snapshot
 */
public record ResourceDeclaration(String logicalId, String type, ObjectNode properties,
        List<String> dependsOn, String condition, String deletionPolicy) {

    static ResourceDeclaration parse(String logicalId, JsonNode node) {
        if (!node.isObject()) {
            throw new TemplateException("Template format error: [/Resources/" + logicalId
                    + "] resource definition is malformed");
        }
        JsonNode type = node.get("Type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new TemplateException("Template format error: [/Resources/" + logicalId
                    + "] Every Resources object must contain a Type member.");
        }
        JsonNode props = node.get("Properties");
        if (props != null && !props.isObject() && !props.isNull()) {
            throw new TemplateException("Template format error: [/Resources/" + logicalId
                    + "/Properties] Properties must be an object");
        }
        List<String> dependsOn = new ArrayList<>();
        JsonNode deps = node.get("DependsOn");
        if (deps != null && deps.isTextual()) {
            dependsOn.add(deps.asText());
        } else if (deps != null && deps.isArray()) {
            deps.forEach(d -> dependsOn.add(d.asText()));
        } else if (deps != null) {
            throw new TemplateException("Template format error: [/Resources/" + logicalId
                    + "/DependsOn] DependsOn must be a string or a list of strings");
        }
        JsonNode condition = node.get("Condition");
        JsonNode deletion = node.get("DeletionPolicy");
        return new ResourceDeclaration(logicalId, type.asText(),
                props == null || props.isNull() ? JsonNodeFactory.instance.objectNode() : (ObjectNode) props,
                List.copyOf(dependsOn), condition == null ? null : condition.asText(),
                deletion == null ? "Delete" : deletion.asText());
    }

    /** True when DeletionPolicy Retain keeps the physical resource when the stack drops it. */
    public boolean retained() {
        return "Retain".equals(deletionPolicy) || "RetainExceptOnCreate".equals(deletionPolicy);
    }
}
