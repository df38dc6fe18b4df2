package io.github.kinesisfanout.operations.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.PropertyNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of the deployed stack, as deploy-stack leaves them: project properties
 * {@code fanout.output.<Key>} first, then {@code target/kinesis-fanout/stack-outputs.json} (an object
 * of key to value, an {@code Outputs} object, or a list of {@code {OutputKey, OutputValue}}).
 */
public final class StackOutputs {

    public static final String PROPERTY_PREFIX = PropertyNames.STACK_OUTPUT_PREFIX;

    private final Map<String, String> values = new HashMap<>();

    private StackOutputs() {
    }

    public static StackOutputs load(Map<String, String> projectProperties, Path file) {
        StackOutputs outputs = new StackOutputs();
        if (file != null && Files.isRegularFile(file)) {
            try {
                outputs.readFile(new ObjectMapper().readTree(file.toFile()));
            } catch (IOException e) {
                throw AppMessages.unreadableFile("stack outputs file", file.toString(), e.getMessage());
            }
        }
        projectProperties.forEach((key, value) -> {
            if (key.startsWith(PROPERTY_PREFIX) && value != null && !value.isBlank()) {
                outputs.values.put(key.substring(PROPERTY_PREFIX.length()), value);
            }
        });
        return outputs;
    }

    private void readFile(JsonNode root) {
        JsonNode outputs = root.has("Outputs") ? root.get("Outputs") : root;
        if (outputs.isArray()) {
            for (JsonNode output : outputs) {
                values.put(output.path("OutputKey").asText(), output.path("OutputValue").asText());
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = outputs.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isValueNode()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The explicit value when set, else the stack output, else a failure naming both ways to set it.
     */
    public String resolve(String explicit, String parameter, String property, String outputKey, String keyProperty) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.trim();
        }
        return get(outputKey).orElseThrow(() -> AppMessages.fromStack(parameter, property, outputKey, keyProperty));
    }
}
