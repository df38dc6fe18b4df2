package io.github.kinesisfanout.local.edge;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the edge received it, body already capped and buffered.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /2015-03-31/functions}
 * @param query the decoded query parameters (a name may repeat)
 * @param headers the headers, names in lower case
 * @param body the body bytes (empty, never null)
 * @param rawUri the request target as received, still percent-encoded (what SigV4 signs)
 */
public record EdgeRequest(String method, String path, Map<String, List<String>> query,
        Map<String, String> headers, byte[] body, String rawUri) {

    /** A request built without a raw URI (in-process callers, tests): the path stands for it. */
    public EdgeRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
            byte[] body) {
        this(method, path, query, headers, body, path);
    }

    /** A header by its lower-case name, or null. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
