package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Resolves CloudFormation's intrinsic functions in a template fragment. {@code Ref AWS::NoValue}
 * resolves to a missing node, which drops the enclosing property or list item as AWS does.
 */
public final class Intrinsics {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EvaluationContext context;

    public Intrinsics(EvaluationContext context) {
        this.context = context;
    }

    /** Resolves every intrinsic in the node; the result contains none. */
    public JsonNode resolve(JsonNode node) {
        if (node == null) {
            return MissingNode.getInstance();
        }
        if (node.isObject()) {
            return resolveObject((ObjectNode) node);
        }
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(item -> {
                JsonNode value = resolve(item);
                if (!value.isMissingNode()) {
                    out.add(value);
                }
            });
            return out;
        }
        return node;
    }

    /** Evaluates a condition expression (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition). */
    public boolean condition(JsonNode node) {
        JsonNode value = resolve(node);
        if (!value.isBoolean() && !value.asText().equals("true") && !value.asText().equals("false")) {
            throw new TemplateException("Template format error: Conditions can only be boolean operations"
                    + " on parameters and other conditions");
        }
        return value.asBoolean() || value.asText().equals("true");
    }

    private JsonNode resolveObject(ObjectNode node) {
        if (node.size() == 1) {
            Map.Entry<String, JsonNode> only = node.fields().next();
            String key = only.getKey();
            JsonNode arg = only.getValue();
            if (key.equals("Ref")) {
                return ref(arg);
            }
            if (key.equals("Condition") && arg.isTextual()) {
                return BooleanNode.valueOf(context.condition(arg.asText()));
            }
            if (key.startsWith("Fn::")) {
                return function(key, arg);
            }
        }
        ObjectNode out = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = resolve(field.getValue());
            if (!value.isMissingNode()) {
                out.set(field.getKey(), value);
            }
        }
        return out;
    }

    private JsonNode ref(JsonNode arg) {
        String name = resolve(arg).asText();
        if (name.equals("AWS::NoValue")) {
            return MissingNode.getInstance();
        }
        return context.ref(name);
    }

    private JsonNode function(String name, JsonNode arg) {
        return switch (name) {
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> new SubExpression(this, context).resolve(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::If" -> ifThen(arg);
            case "Fn::Equals" -> BooleanNode.valueOf(scalar(resolve(args(name, arg, 2).get(0)))
                    .equals(scalar(resolve(arg.get(1)))));
            case "Fn::And" -> and(arg);
            case "Fn::Or" -> or(arg);
            case "Fn::Not" -> BooleanNode.valueOf(!condition(args(name, arg, 1).get(0)));
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::GetAZs" -> getAzs(arg);
            case "Fn::ImportValue" -> context.importValue(resolve(arg).asText());
            case "Fn::Base64" -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    resolve(arg).asText().getBytes(StandardCharsets.UTF_8)));
            default -> throw new TemplateException("Template error: " + name
                    + " is not supported by the local cloud");
        };
    }

    private JsonNode getAtt(JsonNode arg) {
        JsonNode parts = arg.isTextual() ? NODES.arrayNode().add(arg.asText().substring(0, Math.max(0,
                arg.asText().indexOf('.')))).add(arg.asText().substring(arg.asText().indexOf('.') + 1)) : arg;
        if (!parts.isArray() || parts.size() != 2) {
            throw new TemplateException("Template error: every Fn::GetAtt object requires two non-empty parameters");
        }
        return context.getAtt(parts.get(0).asText(), resolve(parts.get(1)).asText());
    }

    private JsonNode join(JsonNode arg) {
        args("Fn::Join", arg, 2);
        String delimiter = resolve(arg.get(0)).asText();
        JsonNode list = resolve(arg.get(1));
        if (!list.isArray()) {
            throw new TemplateException("Template error: every Fn::Join object requires two parameters,"
                    + " (1) a string delimiter and (2) a list of strings to be joined");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : delimiter).append(scalar(list.get(i)));
        }
        return TextNode.valueOf(out.toString());
    }

    private JsonNode select(JsonNode arg) {
        args("Fn::Select", arg, 2);
        int index = Integer.parseInt(resolve(arg.get(0)).asText().trim());
        JsonNode list = resolve(arg.get(1));
        if (!list.isArray() || index < 0 || index >= list.size()) {
            throw new TemplateException("Template error: Fn::Select cannot select nonexistent value at index "
                    + index);
        }
        return list.get(index);
    }

    private JsonNode split(JsonNode arg) {
        args("Fn::Split", arg, 2);
        String delimiter = resolve(arg.get(0)).asText();
        String source = resolve(arg.get(1)).asText();
        ArrayNode out = NODES.arrayNode();
        int from = 0;
        int at;
        while (!delimiter.isEmpty() && (at = source.indexOf(delimiter, from)) >= 0) {
            out.add(source.substring(from, at));
            from = at + delimiter.length();
        }
        return out.add(source.substring(from));
    }

    private JsonNode ifThen(JsonNode arg) {
        args("Fn::If", arg, 3);
        return context.condition(arg.get(0).asText()) ? resolve(arg.get(1)) : resolve(arg.get(2));
    }

    private JsonNode and(JsonNode arg) {
        boolean all = true;
        for (JsonNode item : args("Fn::And", arg, -1)) {
            all &= condition(item);
        }
        return BooleanNode.valueOf(all);
    }

    private JsonNode or(JsonNode arg) {
        boolean any = false;
        for (JsonNode item : args("Fn::Or", arg, -1)) {
            any |= condition(item);
        }
        return BooleanNode.valueOf(any);
    }

    private JsonNode findInMap(JsonNode arg) {
        args("Fn::FindInMap", arg, 3);
        String map = resolve(arg.get(0)).asText();
        String top = resolve(arg.get(1)).asText();
        String second = resolve(arg.get(2)).asText();
        JsonNode mapping = context.mappings().get(map);
        if (mapping == null) {
            throw new TemplateException("Template error: Unable to get mapping for " + map + "::" + top + "::"
                    + second);
        }
        JsonNode value = mapping.path(top).get(second);
        if (value == null) {
            throw new TemplateException("Template error: Unable to get mapping for " + map + "::" + top + "::"
                    + second);
        }
        return value;
    }

    private JsonNode getAzs(JsonNode arg) {
        String region = resolve(arg).asText();
        String effective = region.isEmpty() ? context.region() : region;
        return NODES.arrayNode().add(effective + "a").add(effective + "b").add(effective + "c");
    }

    private static JsonNode args(String function, JsonNode arg, int count) {
        if (!arg.isArray() || (count >= 0 && arg.size() != count) || (count < 0 && arg.isEmpty())) {
            throw new TemplateException("Template error: " + function + " requires "
                    + (count < 0 ? "a list of conditions" : "a list of " + count + " arguments"));
        }
        return arg;
    }

    /** A scalar as the text AWS compares and joins. */
    static String scalar(JsonNode value) {
        if (value.isContainerNode()) {
            throw new TemplateException("Template error: expected a string but found " + value);
        }
        return value.asText();
    }
}
