package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the rows an output should hold with the records it received, as multisets of parsed
 * JSON objects ({@link RowKey}): order is free (outputs are written in parallel, and Kinesis
 * Analytics delivers at least once, so an extra copy of an expected row is a duplicate, not an
 * error).
 */
public final class OutputComparison {

    /** How many missing or unexpected rows a result lists. */
    static final int LISTED = 5;

    private OutputComparison() {
    }

    /**
     * @param name the in-application stream
     * @param streamName the Kinesis stream it is written to
     * @param expected the rows it should hold
     * @param arrived the records read from it
     * @param ignoredColumns columns left out of the comparison (clock-derived ones such as ERROR_TIME)
     */
    public static OutputResult compare(String name, String streamName, List<ExpectedRow> expected,
            List<ArrivedRow> arrived, Set<String> ignoredColumns) {
        // Pending expected put times per key, oldest first: each arrival consumes the oldest one,
        // which pairs the n-th copy of a row with the n-th input that produced it.
        Map<String, Deque<ExpectedRow>> pending = new LinkedHashMap<>();
        Map<String, Integer> expectedCount = new LinkedHashMap<>();
        for (ExpectedRow row : expected.stream().sorted(Comparator.comparingLong(ExpectedRow::putTimeMillis)).toList()) {
            String key = RowKey.of(row.row(), ignoredColumns);
            pending.computeIfAbsent(key, k -> new ArrayDeque<>()).add(row);
            expectedCount.merge(key, 1, Integer::sum);
        }
        List<Long> latencies = new ArrayList<>();
        List<JsonNode> unexpectedRows = new ArrayList<>();
        int unexpected = 0;
        int duplicated = 0;
        for (ArrivedRow row : arrived.stream().sorted(Comparator.comparingLong(ArrivedRow::arrivalMillis)).toList()) {
            String key = RowKey.of(row.row(), ignoredColumns);
            Deque<ExpectedRow> waiting = pending.get(key);
            if (waiting != null && !waiting.isEmpty()) {
                latencies.add(row.arrivalMillis() - waiting.poll().putTimeMillis());
            } else if (expectedCount.containsKey(key)) {
                duplicated++;
            } else {
                unexpected++;
                if (unexpectedRows.size() < LISTED) {
                    unexpectedRows.add(row.row());
                }
            }
        }
        List<JsonNode> missingRows = new ArrayList<>();
        int missing = 0;
        for (Deque<ExpectedRow> waiting : pending.values()) {
            missing += waiting.size();
            for (ExpectedRow row : waiting) {
                if (missingRows.size() < LISTED) {
                    missingRows.add(row.row());
                }
            }
        }
        return new OutputResult(name, streamName, expected.size(), arrived.size(), latencies.size(), missing,
                unexpected, duplicated, List.copyOf(missingRows), List.copyOf(unexpectedRows), List.copyOf(latencies),
                null);
    }
}
