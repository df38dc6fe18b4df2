package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import java.nio.file.Path;
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
                    + e.awsErrorDetails().errorMessage() + SchemaReport.sampleOf(raw), e);
        }
        return new SchemaReport(apps.listener()).publish(response.inputSchema().recordFormat().recordFormatTypeAsString(),
                response.inputSchema().recordColumns(), response.parsedInputRecords(), response.rawInputRecords().size(),
                schemaFile, checkSchema);
    }
}
