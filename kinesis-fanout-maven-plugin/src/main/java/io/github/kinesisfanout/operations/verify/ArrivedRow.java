package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record read from an output stream.
 *
 * @param row the record parsed as JSON, or the record text as a JSON string when it is not JSON
 * @param arrivalMillis its Kinesis ApproximateArrivalTimestamp (epoch milliseconds)
 */
public record ArrivedRow(JsonNode row, long arrivalMillis) {
}
