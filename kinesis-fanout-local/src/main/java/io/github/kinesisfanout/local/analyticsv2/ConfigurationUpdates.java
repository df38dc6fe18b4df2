package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges an ApplicationConfigurationUpdate into an ApplicationConfiguration: every {@code XUpdate}
 * member sets {@code X} (structures merged member by member), except that EnvironmentPropertyUpdates
 * replaces the property groups and a CodeContentUpdate of another kind replaces the code content.
 */
final class ConfigurationUpdates {

    private ConfigurationUpdates() {
    }

    /** A new configuration; {@code current} is not changed. */
    static ObjectNode merge(ObjectNode current, ObjectNode update) {
        ObjectNode merged = current.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("EnvironmentPropertyUpdates")) {
                merged.set("EnvironmentProperties", value.deepCopy());
            } else if (key.equals("CodeContentUpdate")) {
                JsonNode existing = merged.path("CodeContent");
                boolean sameKind = value.has("S3ContentLocationUpdate") && existing.has("S3ContentLocation");
                ObjectNode target = sameKind ? (ObjectNode) existing : merged.putObject("CodeContent");
                mergeInto(target, (ObjectNode) value);
            } else if (value.isObject() && key.endsWith("Update")) {
                String name = key.substring(0, key.length() - "Update".length());
                JsonNode existing = merged.get(name);
                ObjectNode target = existing != null && existing.isObject() ? (ObjectNode) existing : merged.putObject(name);
                target.setAll(merge(target, (ObjectNode) value));
            } else if (key.endsWith("Update")) {
                merged.set(key.substring(0, key.length() - "Update".length()), value.deepCopy());
            }
        }
        return merged;
    }

    private static void mergeInto(ObjectNode target, ObjectNode update) {
        target.setAll(merge(target, update));
    }
}
