package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A row an output should receive, as the local run of the application SQL produced it.
 *
 * @param row the row as the output's JSON record format writes it
 * @param putTimeMillis when the input record that produced it was put (epoch milliseconds)
 */
public record ExpectedRow(JsonNode row, long putTimeMillis) {
}
