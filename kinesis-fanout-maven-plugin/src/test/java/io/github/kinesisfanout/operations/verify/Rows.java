package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** Test helpers that build rows from JSON text. */
final class Rows {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Rows() {
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedRow expected(String text, long putTime) {
        return new ExpectedRow(json(text), putTime);
    }

    static ArrivedRow arrived(String text, long arrivalTime) {
        return new ArrivedRow(json(text), arrivalTime);
    }
}
