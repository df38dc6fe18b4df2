package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;

/**
 * A value of an output tree that writes itself while the JSON or CBOR codec renders the answer, so a
 * long list (GetRecords' records, PutRecords' results) needs no tree node per member. What it writes
 * must be exactly what the codec would write for the equivalent tree: member names as in the API
 * model, timestamps through {@link Timestamps#write(long, JsonGenerator)}, blobs with
 * {@link JsonGenerator#writeBinary(byte[])}.
 */
public interface StreamedValue {

    /** Writes one value (an array, an object) to the codec's generator. */
    void write(JsonGenerator out) throws IOException;

    /** A tree node holding a streamed value. */
    static JsonNode node(StreamedValue value) {
        return new POJONode(value);
    }

    /** The streamed value held by a node, or null when the node is not one. */
    static StreamedValue of(JsonNode node) {
        return node instanceof POJONode pojo && pojo.getPojo() instanceof StreamedValue value ? value : null;
    }
}
