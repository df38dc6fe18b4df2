package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What {@link S3RestXmlProtocol} needs of its service's model, which lives beside the service: which
 * operation a REST request is, with its input members from path, query, headers and body, and which
 * output members travel as response headers.
 */
public interface RestXmlBinding {

    /** The operation and its input. */
    record Call(String operation, ObjectNode input) {
    }

    /** The operation the request calls and its input; an unsupported one is a "not supported" error. */
    Call read(EdgeRequest request);

    /** The response headers that carry members of {@code output}. */
    Map<String, String> responseHeaders(JsonNode output);
}
