package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a preprocessed payload into the JSON documents it holds: AWS parses "multiple JSON documents" in the
 * data of one {@code Ok} record (lambda-preprocessing.html, Record Response Model). Each document keeps its own
 * bytes, so numbers and text reach the input schema exactly as the function wrote them. A payload that is not
 * a sequence of JSON objects is left whole, for the engine to report as it reports any record that does not
 * parse.
 */
final class JsonDocuments {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocuments() {
    }

    static List<byte[]> split(byte[] data) {
        List<byte[]> documents = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(data)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_OBJECT) {
                    return List.of(data);
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                documents.add(Arrays.copyOfRange(data, start, end));
            }
        } catch (IOException e) {
            return List.of(data);
        }
        return documents.size() <= 1 ? List.of(data) : documents;
    }
}
