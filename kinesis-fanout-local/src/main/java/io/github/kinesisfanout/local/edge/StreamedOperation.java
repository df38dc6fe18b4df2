package io.github.kinesisfanout.local.edge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * An operation of a JSON 1.1 or CBOR service whose input can be read straight from the request body's
 * parser, token by token, into the service's own model, with no tree (PutRecords: up to 500 records per
 * call). It is a fast path only: {@link #read} takes a body it fully understands and that is valid, and
 * answers null for anything else (an unknown or repeated member, a value of another type, a value its
 * model refuses); the codec then decodes the body into a tree and calls {@link AwsService#invoke} as
 * usual, so every error, its code and its message, stays the tree path's.
 *
 * @param <T> the decoded input
 */
public interface StreamedOperation<T> {

    /**
     * Reads the input from a parser positioned before the body's first token, up to and including the
     * end of its structure; null when the tree path must decide. Nothing may be changed before it returns.
     *
     * @throws IOException when the body is malformed (the codec then takes the tree path, which reports it)
     */
    T read(JsonParser body) throws IOException;

    /** Runs the operation on an input {@link #read} returned; the output members as {@link AwsService#invoke}. */
    JsonNode invoke(T input, RequestContext context);
}
