package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What {@link S3RestXmlProtocol} needs of its service's model, which lives beside the service: which
 * operation a REST request is, with its input members from path, query, headers and body, and how each
 * operation's output travels back.
 */
public interface RestXmlBinding {

    /** The operation and its input. */
    record Call(String operation, ObjectNode input) {
    }

    /** How an operation's output travels: a body without XML, or an XML document. */
    sealed interface Answer {
    }

    /** A status, headers and a body taken as it is (empty for no content or headers alone). */
    record RawAnswer(int status, Map<String, String> headers, byte[] body) implements Answer {
    }

    /**
     * A 200 with an XML document in the model's namespace under {@code root}: the members of {@code content}
     * as child elements, or {@code content}'s text when it is a value.
     */
    record DocumentAnswer(String root, JsonNode content) implements Answer {
    }

    /** The operation the request calls and its input; an unsupported one is a "not supported" error. */
    Call read(EdgeRequest request);

    /** How {@code operation}'s {@code output} is answered. */
    Answer answer(String operation, JsonNode output);

    /** Where the model's XML documents deviate from the default shapes. */
    XmlShapes shapes();
}
