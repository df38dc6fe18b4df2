package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a preprocessing function's answer (AWS's "Record Response Model", aws-lambda-java-events'
 * {@code KinesisAnalyticsInputPreprocessingResponse}): {@code records[]{recordId, result, data}} with result
 * {@code Ok}, {@code Dropped} or {@code ProcessingFailed}, and base64 {@code data} required for {@code Ok}. AWS
 * treats as a preprocessing failure of the whole invocation a record sent but not answered, an id it did not
 * send, or an entry missing its id, result or data; so does this reader (plus a duplicated id or an unknown
 * result), naming the first problem.
 */
final class PreprocessingResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RESULTS = Set.of("Ok", "Dropped", "ProcessingFailed");

    /** What the function made of one record. */
    record Answer(String result, byte[] data) {
    }

    /** The response cannot be used; the message says why. */
    static final class InvalidResponseException extends RuntimeException {
        InvalidResponseException(String message) {
            super(message);
        }
    }

    private PreprocessingResponse() {
    }

    /** The answer for each record id sent, in the order sent. */
    static Map<String, Answer> read(byte[] payload, List<String> sentIds) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidResponseException("The response is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidResponseException("The response cannot be read: " + e.getMessage());
        }
        if (response == null || !response.path("records").isArray()) {
            throw new InvalidResponseException("The response has no records array.");
        }
        Set<String> sent = Set.copyOf(sentIds);
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (JsonNode entry : response.get("records")) {
            JsonNode id = entry.get("recordId");
            if (id == null || !id.isTextual()) {
                throw new InvalidResponseException("A response record has no recordId.");
            }
            String recordId = id.asText();
            if (!sent.contains(recordId)) {
                throw new InvalidResponseException("The response has recordId " + recordId
                        + ", which was not sent in this invocation.");
            }
            if (answers.containsKey(recordId)) {
                throw new InvalidResponseException("The response answers recordId " + recordId + " twice.");
            }
            answers.put(recordId, answer(entry, recordId));
        }
        Map<String, Answer> ordered = new LinkedHashMap<>();
        for (String recordId : sentIds) {
            Answer answer = answers.get(recordId);
            if (answer == null) {
                throw new InvalidResponseException("The response does not answer recordId " + recordId
                        + " (" + (sentIds.size() - answers.size()) + " of the " + sentIds.size()
                        + " records sent are missing).");
            }
            ordered.put(recordId, answer);
        }
        return ordered;
    }

    private static Answer answer(JsonNode entry, String recordId) {
        JsonNode result = entry.get("result");
        if (result == null || !result.isTextual() || !RESULTS.contains(result.asText())) {
            throw new InvalidResponseException("Record " + recordId + " has result "
                    + (result == null ? "(none)" : result.toString()) + "; it must be Ok, Dropped or ProcessingFailed.");
        }
        JsonNode data = entry.get("data");
        if (data == null || data.isNull()) {
            if ("Ok".equals(result.asText())) {
                throw new InvalidResponseException("Record " + recordId + " is Ok but has no data.");
            }
            return new Answer(result.asText(), null);
        }
        try {
            return new Answer(result.asText(), Base64.getDecoder().decode(data.asText()));
        } catch (IllegalArgumentException e) {
            throw new InvalidResponseException("Record " + recordId + " has data that is not base64: " + e.getMessage());
        }
    }
}
