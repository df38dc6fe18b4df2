package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the template's Parameters section with its constraints; turns a supplied string into
 * the value {@code Ref} returns (a string, or a list for list types), checking the constraints with
 * CloudFormation's messages.
 */
public record ParameterDeclaration(String name, String type, String defaultValue, List<String> allowedValues,
        String allowedPattern, Integer minLength, Integer maxLength, BigDecimal minValue, BigDecimal maxValue,
        boolean noEcho, String description, String constraintDescription) {

    static ParameterDeclaration parse(String name, JsonNode node) {
        JsonNode type = node.get("Type");
        if (type == null) {
            throw new TemplateException("Template format error: Every Parameters object must contain a Type member.");
        }
        String t = type.asText();
        boolean known = t.equals("String") || t.equals("Number") || t.equals("CommaDelimitedList")
                || t.equals("List<Number>") || t.startsWith("AWS::") || t.startsWith("List<AWS::");
        if (!known) {
            throw new TemplateException("Template format error: Unrecognized parameter type: " + t);
        }
        List<String> allowed = new ArrayList<>();
        if (node.has("AllowedValues")) {
            node.get("AllowedValues").forEach(v -> allowed.add(v.asText()));
        }
        return new ParameterDeclaration(name, t, text(node, "Default"), List.copyOf(allowed),
                text(node, "AllowedPattern"), integer(node, "MinLength"), integer(node, "MaxLength"),
                decimal(node, "MinValue"), decimal(node, "MaxValue"),
                node.path("NoEcho").asText().equalsIgnoreCase("true"), text(node, "Description"),
                text(node, "ConstraintDescription"));
    }

    /** True for types whose Ref is a list. */
    public boolean isList() {
        return type.equals("CommaDelimitedList") || type.startsWith("List<");
    }

    /** Checks a supplied value and returns what Ref yields for it. */
    public JsonNode resolve(String value) {
        if (isList()) {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String item : value.isEmpty() ? new String[0] : value.split(",", -1)) {
                String trimmed = item.trim();
                if (type.equals("List<Number>")) {
                    checkNumber(trimmed);
                }
                checkAllowed(trimmed);
                list.add(trimmed);
            }
            return list;
        }
        if (type.equals("Number")) {
            checkNumber(value);
        }
        checkAllowed(value);
        if (allowedPattern != null && !Pattern.compile(allowedPattern).matcher(value).matches()) {
            fail("must match pattern " + allowedPattern);
        }
        if (minLength != null && value.length() < minLength) {
            fail("must contain at least " + minLength + " characters");
        }
        if (maxLength != null && value.length() > maxLength) {
            fail("must contain at most " + maxLength + " characters");
        }
        return TextNode.valueOf(value);
    }

    private void checkNumber(String value) {
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            fail("must be a number");
            return;
        }
        if (minValue != null && number.compareTo(minValue) < 0) {
            fail("must be a number not less than " + minValue.toPlainString());
        }
        if (maxValue != null && number.compareTo(maxValue) > 0) {
            fail("must be a number not greater than " + maxValue.toPlainString());
        }
    }

    private void checkAllowed(String value) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
            fail("must be one of AllowedValues");
        }
    }

    private void fail(String constraint) {
        // AWS prefers the template's ConstraintDescription when there is one.
        String message = constraintDescription != null
                ? "Parameter '" + name + "' failed to satisfy constraint: " + constraintDescription
                : "Parameter '" + name + "' " + constraint;
        throw new TemplateException(message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Integer.valueOf(value.trim());
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : new BigDecimal(value.trim());
    }
}
