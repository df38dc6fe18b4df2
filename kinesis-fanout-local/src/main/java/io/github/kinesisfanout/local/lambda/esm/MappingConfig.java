package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The settings of one Kinesis event source mapping that drive its pollers (validated by
 * {@link MappingValidation}); see the CreateEventSourceMapping API reference for each.
 */
record MappingConfig(String eventSourceArn, String functionArn, int batchSize, int batchingWindowSeconds,
        String startingPosition, Instant startingPositionTimestamp, int parallelizationFactor,
        boolean bisectOnError, int maximumRetryAttempts, int maximumRecordAgeSeconds,
        boolean reportBatchItemFailures, JsonNode destinationConfig, List<String> functionResponseTypes) {
}
