package io.github.kinesisfanout.flink;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads the runtime property groups (Managed Flink's {@code EnvironmentProperties.PropertyGroups}) and flattens them into one map. */
public final class ApplicationProperties {

    private ApplicationProperties() {
    }

    /**
     * The flattened properties: from {@code --properties FILE} if given, else from Managed Flink's
     * runtime (none when not on Managed Flink), then the {@code --property} overrides.
     */
    public static Map<String, String> load(JobArguments arguments) {
        Map<String, String> flat;
        if (arguments.propertiesFile() != null) {
            flat = fromJsonFile(Path.of(arguments.propertiesFile()));
        } else {
            flat = fromManagedFlink();
        }
        flat.putAll(arguments.properties());
        return flat;
    }

    /** Reads and flattens a JSON array of {@code {"PropertyGroupId": ..., "PropertyMap": {...}}}. */
    public static Map<String, String> fromJsonFile(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new JobFailure("properties file " + file + " does not exist");
        } catch (IOException e) {
            throw new JobFailure("cannot read properties file " + file + ": " + e.getMessage(), e);
        }
        return fromJson(json, file.toString());
    }

    /** Flattens the JSON text of property groups; {@code origin} names it in errors. */
    public static Map<String, String> fromJson(String json, String origin) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new JobFailure("properties " + origin + " are not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) {
            throw new JobFailure("properties " + origin
                    + " must be a JSON array of {\"PropertyGroupId\": ..., \"PropertyMap\": {...}}");
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode group : root) {
            JsonNode id = group.get("PropertyGroupId");
            JsonNode map = group.get("PropertyMap");
            if (id == null || !id.isTextual() || map == null || !map.isObject()) {
                throw new JobFailure("properties " + origin + ": group " + index
                        + " needs a string PropertyGroupId and an object PropertyMap");
            }
            Map<String, String> values = groups.computeIfAbsent(id.asText(), k -> new LinkedHashMap<>());
            Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                    throw new JobFailure("properties " + origin + ": " + id.asText() + "." + field.getKey()
                            + " must be a string");
                }
                values.put(field.getKey(), field.getValue().asText());
            }
            index++;
        }
        return flatten(groups);
    }

    /** Merges the groups into one map, failing when a key is set in two groups. */
    public static Map<String, String> flatten(Map<String, Map<String, String>> groups) {
        Map<String, String> flat = new LinkedHashMap<>();
        Map<String, String> groupOfKey = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> group : groups.entrySet()) {
            for (Map.Entry<String, String> entry : group.getValue().entrySet()) {
                String previous = groupOfKey.putIfAbsent(entry.getKey(), group.getKey());
                if (previous != null) {
                    throw new JobFailure("property " + entry.getKey() + " is set in two property groups, "
                            + previous + " and " + group.getKey() + ": keep it in one");
                }
                flat.put(entry.getKey(), entry.getValue());
            }
        }
        return flat;
    }

    private static Map<String, String> fromManagedFlink() {
        Map<String, Properties> runtime;
        try {
            runtime = KinesisAnalyticsRuntime.getApplicationProperties();
        } catch (FileNotFoundException e) {
            return new LinkedHashMap<>();
        } catch (IOException e) {
            throw new JobFailure("cannot read Managed Flink's application properties: " + e.getMessage(), e);
        }
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Properties> group : runtime.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : group.getValue().stringPropertyNames()) {
                values.put(key, group.getValue().getProperty(key));
            }
            groups.put(group.getKey(), values);
        }
        return flatten(groups);
    }

    private static String firstLine(String text) {
        int newline = text == null ? -1 : text.indexOf('\n');
        return newline < 0 ? String.valueOf(text) : text.substring(0, newline);
    }
}
