package io.github.kinesisfanout.sql;

import io.github.kinesisfanout.sql.discover.CsvInference;
import io.github.kinesisfanout.sql.discover.JsonInference;
import java.util.List;
import java.util.Optional;

/**
 * Infers an input schema from sampled records with the rules of Kinesis Analytics'
 * DiscoverInputSchema: JSON objects (one column per leaf member, mapping {@code $.a.b}, named
 * {@code a_b}; arrays kept whole as {@code $.arr[0:]}) or, failing that, delimited text.
 */
public final class SchemaDiscovery {

    private SchemaDiscovery() {
    }

    /**
     * The schema of the records (UTF-8 text, one per sampled record), or empty when there are no
     * records or they are neither JSON objects nor consistently delimited text.
     */
    public static Optional<DiscoveredSchema> infer(List<String> records) {
        if (records.isEmpty()) {
            return Optional.empty();
        }
        DiscoveredSchema json = JsonInference.infer(records);
        return Optional.ofNullable(json != null ? json : CsvInference.infer(records));
    }
}
