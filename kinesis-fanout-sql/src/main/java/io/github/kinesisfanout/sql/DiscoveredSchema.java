package io.github.kinesisfanout.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A schema inferred from sampled records, with those records parsed by it.
 *
 * @param schema the inferred schema; its {@code namePrefix} is null (discovery names no in-application stream)
 * @param parsedRecords one row per parsed record (CSV: per line), values as text in column order, null when absent
 */
public record DiscoveredSchema(InputSchema schema, List<List<String>> parsedRecords) {

    public DiscoveredSchema {
        parsedRecords = parsedRecords.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }
}
