package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns AWS Query parameters into input members: {@code Tags.member.1.Key=k} becomes
 * {@code {"Tags":[{"Key":"k"}]}}, {@code Attrs.entry.1.key=a&Attrs.entry.1.value=b} becomes
 * {@code {"Attrs":{"a":"b"}}}, and flattened lists ({@code Names.1=x}) become arrays too. Every
 * scalar stays text: services read numbers and booleans with {@link Members}.
 */
public final class QueryParameters {

    /** Member paths nest far less deeply in every AWS Query API; deeper names are refused, not recursed into. */
    static final int MAX_NAME_SEGMENTS = 32;

    private QueryParameters() {
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} body into name/value pairs in order; a
     * malformed percent escape is {@code InvalidQueryParameter}.
     */
    public static Map<String, String> parseForm(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(decode(name), decode(value));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The request has a malformed percent-encoded parameter: " + e.getMessage());
        }
    }

    private static AwsServiceException invalid(String message) {
        return ProtocolErrors.INVALID_QUERY_PARAMETER.error(message);
    }

    /** Builds the nested input members from flat parameter names. */
    public static ObjectNode toMembers(Map<String, String> params) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            List<String> path = List.of(param.getKey().split("\\.", MAX_NAME_SEGMENTS + 1));
            if (path.size() > MAX_NAME_SEGMENTS) {
                throw invalid("Parameter name nests more than " + MAX_NAME_SEGMENTS + " levels: "
                        + param.getKey().substring(0, Math.min(64, param.getKey().length())) + "...");
            }
            place(root, path, param.getValue());
        }
        return (ObjectNode) toNode(root);
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> parent, List<String> path, String value) {
        String name = path.get(0);
        if (path.size() == 1) {
            parent.put(name, value);
            return;
        }
        int skip = path.get(1).equals("member") || path.get(1).equals("entry") ? 1 : 0;
        boolean isMap = path.get(1).equals("entry");
        if (path.size() > 1 + skip && isIndex(path.get(1 + skip))) {
            Object existing = parent.get(name);
            Indexed items = existing instanceof Indexed i ? i : new Indexed(isMap);
            parent.put(name, items);
            int index = index(name, path.get(1 + skip));
            List<String> rest = path.subList(2 + skip, path.size());
            if (rest.isEmpty()) {
                items.put(index, value);
            } else {
                Object child = items.computeIfAbsent(index, k -> new LinkedHashMap<String, Object>());
                if (child instanceof Map<?, ?> map) {
                    place((Map<String, Object>) map, rest, value);
                }
            }
            return;
        }
        Object child = parent.get(name);
        // A list or map collected under the same name (Tags.member.1 then Tags.Key) is replaced, not mixed in.
        if (!(child instanceof Map<?, ?>) || child instanceof Indexed) {
            child = new LinkedHashMap<String, Object>();
            parent.put(name, child);
        }
        place((Map<String, Object>) child, path.subList(1, path.size()), value);
    }

    /** A 1-based list index; beyond int range is {@code InvalidQueryParameter}. */
    private static int index(String name, String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            throw invalid("Parameter " + name + " has an out-of-range index " + segment);
        }
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static JsonNode toNode(Object value) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (value instanceof Indexed indexed) {
            if (indexed.isMap) {
                ObjectNode map = factory.objectNode();
                for (Object entry : indexed.values()) {
                    if (entry instanceof Map<?, ?> e && e.get("key") != null) {
                        map.set(String.valueOf(e.get("key")), toNode(e.get("value") == null ? "" : e.get("value")));
                    }
                }
                return map;
            }
            var array = factory.arrayNode();
            indexed.values().forEach(item -> array.add(toNode(item)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = factory.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), toNode(v)));
            return object;
        }
        return factory.textNode(String.valueOf(value));
    }

    /** A list ({@code member.N}) or map ({@code entry.N}) being collected, items by their 1-based index. */
    private static final class Indexed extends TreeMap<Integer, Object> {
        final boolean isMap;

        Indexed(boolean isMap) {
            this.isMap = isMap;
        }
    }
}
