package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;

/** Builds the record decoder of an input stream from its schema's format and mappings. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The decoder of an input (validated here, so a bad mapping fails at compile time).
     *
     * @param stream the input stream
     * @param format {@code JSON} or {@code CSV}
     * @param recordRowPath JSON row path, {@code $} when null
     * @param mappings JSON mapping per column (null entries map {@code $.<column name>})
     * @param rowDelimiter CSV row delimiter
     * @param columnDelimiter CSV column delimiter
     * @throws IllegalArgumentException with a clear message for an unusable format or mapping
     */
    static RecordDecoder decoder(StreamDef stream, String format, String recordRowPath, List<String> mappings,
            String rowDelimiter, String columnDelimiter) {
        SqlType[] types = stream.columns().stream().map(StreamDef.ColumnDef::type).toArray(SqlType[]::new);
        String[] names = stream.columns().stream().map(StreamDef.ColumnDef::name).toArray(String[]::new);
        if ("CSV".equalsIgnoreCase(format)) {
            return new CsvDecoder(rowDelimiter, columnDelimiter, types, names);
        }
        if (!"JSON".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("Record format '" + format + "' is not supported: use JSON or CSV");
        }
        List<JsonPath> paths = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String mapping = mappings.get(i);
            paths.add(JsonPath.parse(mapping == null ? "$." + names[i] : mapping));
        }
        JsonPath rowPath = JsonPath.parse(recordRowPath == null ? "$" : recordRowPath);
        if (rowPath.levels().size() > 1) {
            throw new IllegalArgumentException("Record row path '" + recordRowPath + "' has more than one [0:]: a row "
                    + "path may name one array of rows; flatten inner arrays in the column mappings");
        }
        if (rowPath.members().isEmpty() && !rowPath.array() && StreamingJsonDecoder.supports(paths)) {
            return new StreamingJsonDecoder(paths, types, names);
        }
        return new TreeJsonDecoder(rowPath, paths, types, names);
    }
}
