package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What one output received compared with what it should have.
 *
 * @param name the in-application stream, e.g. {@code POSITIVE_TRANSACTIONS}
 * @param streamName the Kinesis stream it is written to
 * @param expected rows the local run of the SQL produced for it
 * @param arrived records read from the stream
 * @param matched expected rows that arrived (each counted once)
 * @param missing expected rows that did not arrive
 * @param unexpected arrived rows that match no expected row
 * @param duplicated extra copies of expected rows (delivery is at-least-once: reported, not failed)
 * @param firstMissing the first few missing rows
 * @param firstUnexpected the first few unexpected rows
 * @param latenciesMillis put-to-arrival time of every matched row
 * @param logged log lines the consumer function wrote for this output, or null when not checked
 */
public record OutputResult(String name, String streamName, int expected, int arrived, int matched, int missing,
        int unexpected, int duplicated, List<JsonNode> firstMissing, List<JsonNode> firstUnexpected,
        List<Long> latenciesMillis, Integer logged) {

    /** True when every expected row arrived and nothing else did. */
    public boolean routedCorrectly() {
        return missing == 0 && unexpected == 0;
    }

    /** The median put-to-arrival latency, or null when no row matched. */
    public Long p50Millis() {
        return Percentiles.of(latenciesMillis, 50);
    }

    /** The 99th percentile put-to-arrival latency, or null when no row matched. */
    public Long p99Millis() {
        return Percentiles.of(latenciesMillis, 99);
    }

    /** This result with the consumer's log count. */
    public OutputResult withLogged(Integer count) {
        return new OutputResult(name, streamName, expected, arrived, matched, missing, unexpected, duplicated,
                firstMissing, firstUnexpected, latenciesMillis, count);
    }
}
