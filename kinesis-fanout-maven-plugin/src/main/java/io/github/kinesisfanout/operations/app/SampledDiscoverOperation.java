package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.sql.DiscoveredSchema;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.SchemaDiscovery;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/**
 * discover-schema without DiscoverInputSchema: samples the input stream with GetRecords, infers
 * the schema with the SQL engine's discovery (the local cloud's DiscoverInputSchema uses the same),
 * then prints, writes or checks it as {@link DiscoverSchemaOperation} does.
 */
public final class SampledDiscoverOperation {

    private final StreamSampler sampler;
    private final ProgressListener listener;

    public SampledDiscoverOperation(StreamSampler sampler, ProgressListener listener) {
        this.sampler = sampler;
        this.listener = listener;
    }

    /** Returns the discovered columns. */
    public List<RecordColumn> run(String streamArn, StreamSampler.Settings settings, Path schemaFile, boolean checkSchema) {
        String from = settings.startingPosition() + (settings.timestamp() == null ? "" : " " + settings.timestamp());
        listener.info("Sampling up to " + settings.maxRecords() + " record(s) of " + streamArn + " from " + from
                + " with GetRecords");
        List<String> raw = sampler.sample(streamArn, settings);
        if (raw.isEmpty()) {
            throw new FanoutException("No records in " + streamArn + " from " + from + " within "
                    + settings.timeout().toSeconds() + " s, so there is nothing to discover a schema from: put records"
                    + " first (e.g. mvn kinesis-fanout:put-records), sample from -Dfanout.startingPosition=TRIM_HORIZON,"
                    + " or wait longer with -Dfanout.sampleTimeout=SECONDS");
        }
        DiscoveredSchema discovered = SchemaDiscovery.infer(raw).orElseThrow(() -> new FanoutException("No schema detected in "
                + streamArn + " from " + from + ": the " + raw.size()
                + " sampled records are neither JSON objects nor consistently delimited text." + SchemaReport.sampleOf(raw)));
        List<RecordColumn> columns = discovered.schema().columns().stream().map(SampledDiscoverOperation::column).toList();
        return new SchemaReport(listener).publish(discovered.schema().format().type(), columns, discovered.parsedRecords(),
                raw.size(), schemaFile, checkSchema);
    }

    private static RecordColumn column(InputSchema.Column column) {
        return RecordColumn.builder().name(column.name()).sqlType(column.sqlType()).mapping(column.mapping()).build();
    }
}
