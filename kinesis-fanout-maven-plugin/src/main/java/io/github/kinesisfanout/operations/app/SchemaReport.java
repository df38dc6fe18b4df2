package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/** Prints discovered columns with a few parsed rows, then writes the schema file or compares it with the discovered columns. */
final class SchemaReport {

    static final int SAMPLE_ROWS = 5;

    private final ProgressListener listener;

    SchemaReport(ProgressListener listener) {
        this.listener = listener;
    }

    List<RecordColumn> publish(String formatType, List<RecordColumn> columns, List<List<String>> parsedRows, int sampled,
            Path schemaFile, boolean checkSchema) {
        listener.info("Discovered " + formatType + " records, " + columns.size() + " column(s), from " + sampled
                + " sampled record(s):");
        SchemaTable.lines(columns, parsedRows, SAMPLE_ROWS).forEach(listener::info);
        if (checkSchema) {
            List<String> differences = differences(SchemaFile.read(schemaFile), columns);
            if (!differences.isEmpty()) {
                throw AppMessages.schemaDiffers(schemaFile.toString(), differences);
            }
            listener.info("The discovered schema matches " + schemaFile);
            return columns;
        }
        try {
            SchemaFile.write(schemaFile, columns);
        } catch (IOException e) {
            throw new FanoutException("Cannot write the schema file " + schemaFile + ": " + e.getMessage(), e);
        }
        listener.info("Wrote " + schemaFile);
        return columns;
    }

    /** The first few sampled records joined for an error message. */
    static String sampleOf(List<String> raw) {
        return raw.isEmpty() ? "" : " Sampled records: " + String.join(" | ", raw.subList(0, Math.min(SAMPLE_ROWS, raw.size())));
    }

    static List<String> differences(List<RecordColumn> committed, List<RecordColumn> discovered) {
        List<String> differences = new ArrayList<>();
        int n = Math.max(committed.size(), discovered.size());
        for (int i = 0; i < n; i++) {
            String was = i < committed.size() ? describe(committed.get(i)) : "(none)";
            String now = i < discovered.size() ? describe(discovered.get(i)) : "(none)";
            if (!was.equals(now)) {
                differences.add("column " + (i + 1) + ": file has " + was + ", discovered " + now);
            }
        }
        return differences;
    }

    private static String describe(RecordColumn column) {
        return column.name() + " " + column.sqlType() + (column.mapping() == null ? "" : " " + column.mapping());
    }
}
