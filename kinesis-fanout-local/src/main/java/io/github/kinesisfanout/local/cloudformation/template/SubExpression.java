package io.github.kinesisfanout.local.cloudformation.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Fn::Sub}: replaces {@code ${Name}} (parameter, pseudo parameter, resource or a variable
 * of the second argument) and {@code ${Resource.Attribute}}; {@code ${!Literal}} stays {@code ${Literal}}.
 */
final class SubExpression {

    private final Intrinsics intrinsics;
    private final EvaluationContext context;

    SubExpression(Intrinsics intrinsics, EvaluationContext context) {
        this.intrinsics = intrinsics;
        this.context = context;
    }

    JsonNode resolve(JsonNode arg) {
        String text;
        JsonNode variables = null;
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
            text = arg.get(0).asText();
            variables = arg.get(1);
        } else {
            throw new TemplateException("Template error: One or more Fn::Sub intrinsic functions don't specify"
                    + " expected arguments. Specify a string as first argument, and an optional second argument"
                    + " to specify a mapping of values to replace in the string");
        }
        StringBuilder out = new StringBuilder();
        for (Part part : parse(text)) {
            if (part.literal()) {
                out.append(part.text());
            } else if (variables != null && variables.has(part.text())) {
                out.append(Intrinsics.scalar(intrinsics.resolve(variables.get(part.text()))));
            } else {
                out.append(Intrinsics.scalar(lookup(part.text())));
            }
        }
        return TextNode.valueOf(out.toString());
    }

    private JsonNode lookup(String name) {
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return context.getAtt(name.substring(0, dot), name.substring(dot + 1));
        }
        return context.ref(name);
    }

    /** One literal run or one variable name of a Sub string. */
    record Part(boolean literal, String text) {
    }

    /** Splits a Sub string into literals and variable names. */
    static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            int end = text.indexOf('}', start);
            if (end < 0) {
                literal.append(text, start, text.length());
                break;
            }
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) {
                literal.append("${").append(name, 1, name.length()).append('}');
            } else {
                parts.add(new Part(true, literal.toString()));
                literal.setLength(0);
                parts.add(new Part(false, name.trim()));
            }
            i = end + 1;
        }
        parts.add(new Part(true, literal.toString()));
        return parts;
    }
}
