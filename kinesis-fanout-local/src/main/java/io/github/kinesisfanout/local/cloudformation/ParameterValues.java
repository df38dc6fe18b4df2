package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.cloudformation.template.ParameterDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.Template;
import io.github.kinesisfanout.local.cloudformation.template.TemplateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matches the Parameters of a request to the template's declarations, with AWS's messages. */
final class ParameterValues {

    private ParameterValues() {
    }

    /**
     * The raw value of every declared parameter: supplied, previous (UsePreviousValue) or default.
     *
     * @param previous the stack's current values, or an empty map for a new stack
     */
    static Map<String, String> resolve(Template template, List<JsonNode> supplied, Map<String, String> previous) {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (JsonNode parameter : supplied) {
            String key = parameter.path("ParameterKey").asText();
            if (!template.parameters().containsKey(key)) {
                unknown.add(key);
            } else if (parameter.path("UsePreviousValue").asText().equals("true")) {
                if (!previous.containsKey(key)) {
                    throw new TemplateException("Invalid input for parameter key " + key + ". Cannot specify"
                            + " usePreviousValue as true for a parameter key not in the previous template");
                }
                given.put(key, previous.get(key));
            } else {
                given.put(key, parameter.path("ParameterValue").asText());
            }
        }
        if (!unknown.isEmpty()) {
            throw new TemplateException("Parameters: " + unknown + " do not exist in the template");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ParameterDeclaration declaration : template.parameters().values()) {
            String value = given.containsKey(declaration.name()) ? given.get(declaration.name())
                    : declaration.defaultValue();
            if (value == null) {
                missing.add(declaration.name());
            } else {
                values.put(declaration.name(), value);
            }
        }
        if (!missing.isEmpty()) {
            throw new TemplateException("Parameters: " + missing + " must have values");
        }
        template.parameters().values().forEach(d -> d.resolve(values.get(d.name())));
        return values;
    }
}
