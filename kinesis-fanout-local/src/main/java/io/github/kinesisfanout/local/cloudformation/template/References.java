package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the names a template fragment refers to through Ref, Fn::GetAtt and Fn::Sub. */
public final class References {

    /**
     * One reference.
     *
     * @param name the referred parameter or resource
     * @param attribute the Fn::GetAtt attribute, or null for a Ref
     */
    public record Reference(String name, String attribute) {
    }

    private References() {
    }

    /** Every reference in the fragment, in document order. */
    public static List<Reference> of(JsonNode node) {
        List<Reference> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    /** The names of the referred entries only. */
    public static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        of(node).forEach(r -> names.add(r.name()));
        return names;
    }

    private static void collect(JsonNode node, List<Reference> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(item -> collect(item, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.fields().next();
            JsonNode arg = only.getValue();
            switch (only.getKey()) {
                case "Ref" -> {
                    if (arg.isTextual()) {
                        out.add(new Reference(arg.asText(), null));
                        return;
                    }
                }
                case "Fn::GetAtt" -> {
                    if (arg.isArray() && arg.size() == 2) {
                        out.add(new Reference(arg.get(0).asText(), arg.get(1).isTextual() ? arg.get(1).asText() : "*"));
                        collect(arg.get(1), out);
                        return;
                    }
                    if (arg.isTextual() && arg.asText().indexOf('.') > 0) {
                        String text = arg.asText();
                        out.add(new Reference(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1)));
                        return;
                    }
                }
                case "Fn::Sub" -> {
                    sub(arg, out);
                    return;
                }
                default -> {
                }
            }
        }
        node.forEach(value -> collect(value, out));
    }

    private static void sub(JsonNode arg, List<Reference> out) {
        String text = arg.isTextual() ? arg.asText() : arg.path(0).asText();
        JsonNode variables = arg.isArray() ? arg.get(1) : null;
        for (SubExpression.Part part : SubExpression.parse(text)) {
            if (part.literal() || (variables != null && variables.has(part.text()))) {
                continue;
            }
            String name = part.text();
            int dot = name.indexOf('.');
            if (dot > 0 && !name.startsWith("AWS::")) {
                out.add(new Reference(name.substring(0, dot), name.substring(dot + 1)));
            } else {
                out.add(new Reference(name, null));
            }
        }
        if (variables != null) {
            collect(variables, out);
        }
    }
}
