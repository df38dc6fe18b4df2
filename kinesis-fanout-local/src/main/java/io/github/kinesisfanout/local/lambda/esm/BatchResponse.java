package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

/**
 * Reads a partial batch response ({@code ReportBatchItemFailures}): Lambda retries from the
 * lowest reported sequence number; an empty or null list means full success; a null, empty or
 * unknown identifier, or a payload that is not JSON, means the whole batch failed.
 */
final class BatchResponse {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BatchResponse() {
    }

    /**
     * The index in {@code batch} of the first record to retry: {@code batch.size()} when all
     * succeeded, 0 when the whole batch is to be retried.
     */
    static int firstFailure(byte[] payload, List<KinesisRecord> batch) {
        JsonNode response;
        try {
            response = JSON.readTree(payload);
        } catch (IOException e) {
            return 0;
        }
        JsonNode failures = response == null ? null : response.get("batchItemFailures");
        if (failures == null || failures.isNull() || (failures.isArray() && failures.isEmpty())) {
            return batch.size();
        }
        if (!failures.isArray()) {
            return 0;
        }
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
                return 0;
            }
            BigInteger sequence = new BigInteger(id);
            lowest = lowest == null || sequence.compareTo(lowest) < 0 ? sequence : lowest;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (new BigInteger(batch.get(i).sequenceNumber()).equals(lowest)) {
                return i;
            }
        }
        return 0;
    }
}
