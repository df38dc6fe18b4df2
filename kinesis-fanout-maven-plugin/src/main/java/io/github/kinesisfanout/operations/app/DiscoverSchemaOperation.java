package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.DiscoverInputSchemaResponse;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.UnableToDetectSchemaException;

/**
 * discover-schema: samples the input stream with DiscoverInputSchema, prints the columns and a few
 * parsed rows, and writes the columns in create-app's schema file format, or with
 * {@code checkSchema} compares them with the committed file.
 */
public final class DiscoverSchemaOperation {

    static final int SAMPLE_ROWS = 5;

    private final AnalyticsApps apps;

    public DiscoverSchemaOperation(AnalyticsApps apps) {
        this.apps = apps;
    }

    /** Returns the discovered columns. */
    public List<RecordColumn> run(String streamArn, String roleArn, String startingPosition, Path schemaFile,
            boolean checkSchema) {
        DiscoverInputSchemaResponse response;
        try {
            response = apps.call(() -> apps.client().discoverInputSchema(r -> r.resourceARN(streamArn).roleARN(roleArn)
                    .inputStartingPositionConfiguration(p -> p.inputStartingPosition(startingPosition))));
        } catch (UnableToDetectSchemaException e) {
            List<String> raw = e.rawInputRecords() == null ? List.of() : e.rawInputRecords();
            throw new FanoutException("No schema detected in " + streamArn + " from " + startingPosition + ": "
                    + e.awsErrorDetails().errorMessage() + (raw.isEmpty() ? "" : " Sampled records: "
                    + String.join(" | ", raw.subList(0, Math.min(SAMPLE_ROWS, raw.size())))), e);
        }
        List<RecordColumn> columns = response.inputSchema().recordColumns();
        apps.listener().info("Discovered " + response.inputSchema().recordFormat().recordFormatTypeAsString() + " records, "
                + columns.size() + " column(s), from " + response.rawInputRecords().size() + " sampled record(s):");
        SchemaTable.lines(columns, response.parsedInputRecords(), SAMPLE_ROWS).forEach(apps.listener()::info);
        if (checkSchema) {
            List<String> differences = differences(SchemaFile.read(schemaFile), columns);
            if (!differences.isEmpty()) {
                throw AppMessages.schemaDiffers(schemaFile.toString(), differences);
            }
            apps.listener().info("The discovered schema matches " + schemaFile);
            return columns;
        }
        try {
            SchemaFile.write(schemaFile, columns);
        } catch (IOException e) {
            throw new FanoutException("Cannot write the schema file " + schemaFile + ": " + e.getMessage(), e);
        }
        apps.listener().info("Wrote " + schemaFile);
        return columns;
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
