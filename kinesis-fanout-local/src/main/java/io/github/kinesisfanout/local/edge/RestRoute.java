package io.github.kinesisfanout.local.edge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One operation of a REST protocol: method and path template (labels in braces, e.g.
 * {@code /2015-03-31/functions/{FunctionName}/invocations}), its success status, and the members
 * bound to headers or to the raw body instead of the JSON document.
 *
 * @param method the HTTP method
 * @param template the path template
 * @param operation the operation name
 * @param status the HTTP status of success, unless {@code statusMember} is set
 * @param inputHeaders request header (lower case) to input member
 * @param inputPayload the input member that is the raw body, or null for a JSON body
 * @param outputHeaders output member to response header
 * @param outputPayload the output member that is the raw body, or null for a JSON body
 * @param statusMember the output member holding the HTTP status, or null
 */
public record RestRoute(String method, String template, String operation, int status,
        Map<String, String> inputHeaders, String inputPayload, Map<String, String> outputHeaders,
        String outputPayload, String statusMember) {

    /** A route whose input and output are JSON documents. */
    public static RestRoute json(String method, String template, String operation, int status) {
        return new RestRoute(method, template, operation, status, Map.of(), null, Map.of(), null, null);
    }

    /** The path labels when {@code path} matches this route's template, else null. */
    Map<String, String> match(String method, String path) {
        if (!this.method.equals(method)) {
            return null;
        }
        List<String> expected = segments(template);
        List<String> actual = segments(path);
        if (expected.size() != actual.size()) {
            return null;
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            String segment = expected.get(i);
            if (segment.startsWith("{") && segment.endsWith("}")) {
                if (actual.get(i).isEmpty()) {
                    return null;
                }
                labels.put(segment.substring(1, segment.length() - 1), actual.get(i));
            } else if (!segment.equals(actual.get(i))) {
                return null;
            }
        }
        return labels;
    }

    /** Path segments, ignoring leading and trailing slashes (Lambda's SDKs send {@code /functions/} for ListFunctions). */
    private static List<String> segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
