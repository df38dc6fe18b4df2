package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.app.AnalyticsApps;
import io.github.kinesisfanout.operations.app.DiscoverSchemaOperation;
import io.github.kinesisfanout.operations.app.SampledDiscoverOperation;
import io.github.kinesisfanout.operations.app.StackOutputs;
import io.github.kinesisfanout.operations.app.StreamSampler;
import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/**
 * Samples the input stream (DiscoverInputSchema on the local cloud; GetRecords and the SQL engine's
 * discovery against AWS or with discoverLocally), prints the columns and a few parsed rows, and
 * writes them as create-app's schema file; with checkSchema it fails when they differ from the file.
 */
@Mojo(name = DiscoverSchemaMojo.GOAL_NAME, threadSafe = true, requiresProject = false)
public class DiscoverSchemaMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "discover-schema";

    /** The input stream ARN. Unset: the stack output named by inputStreamArnOutput. */
    @Parameter(property = "fanout.inputStreamArn")
    protected String inputStreamArn;

    /** The stack output holding the input stream ARN. */
    @Parameter(property = "fanout.inputStreamArnOutput", defaultValue = "InputStreamArn")
    protected String inputStreamArnOutput;

    /** The role used to read the stream. Unset: the stack output named by roleArnOutput. */
    @Parameter(property = "fanout.roleArn")
    protected String roleArn;

    /** The stack output holding the role ARN. */
    @Parameter(property = "fanout.roleArnOutput", defaultValue = "ApplicationRoleArn")
    protected String roleArnOutput;

    /**
     * Where sampling starts: TRIM_HORIZON or NOW; when sampling with GetRecords also LATEST (the
     * same as NOW) and AT_TIMESTAMP (with sampleTimestamp).
     */
    @Parameter(property = "fanout.startingPosition", defaultValue = "TRIM_HORIZON")
    protected String startingPosition;

    /**
     * Sample the stream with GetRecords and infer the schema in the plugin instead of calling
     * DiscoverInputSchema. Always done against AWS (no endpoint override), where DiscoverInputSchema
     * is no longer available; the inference follows the same rules as the local cloud's.
     */
    @Parameter(property = "fanout.discoverLocally", defaultValue = "false")
    protected boolean discoverLocally;

    /** When sampling with GetRecords: the most records read (AWS's DiscoverInputSchema also samples about 100). */
    @Parameter(property = "fanout.sampleSize", defaultValue = "100")
    protected int sampleSize;

    /** When sampling with GetRecords: the most seconds spent reading (from NOW/LATEST: waiting for records). */
    @Parameter(property = "fanout.sampleTimeout", defaultValue = "10")
    protected int sampleTimeout;

    /** When sampling with GetRecords from AT_TIMESTAMP: the first arrival time read, ISO-8601, e.g. 2024-05-01T12:00:00Z. */
    @Parameter(property = "fanout.sampleTimestamp")
    protected String sampleTimestamp;

    /** The schema file written (or compared with checkSchema). */
    @Parameter(property = "fanout.schemaFile", defaultValue = "${project.basedir}/src/main/schema/input-schema.json")
    protected File schemaFile;

    /** Compare with schemaFile instead of writing it; fail when they differ. */
    @Parameter(property = "fanout.checkSchema", defaultValue = "false")
    protected boolean checkSchema;

    /** The stack outputs deploy-stack wrote. */
    @Parameter(property = "fanout.stackOutputsFile", defaultValue = "${project.build.directory}/kinesis-fanout/stack-outputs.json")
    protected File stackOutputsFile;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        StackOutputs stack = stackOutputs(stackOutputsFile);
        String stream = stack.resolve(inputStreamArn, "inputStreamArn", PropertyNames.INPUT_STREAM_ARN,
                inputStreamArnOutput, PropertyNames.INPUT_STREAM_ARN_OUTPUT);
        if (schemaFile == null) {
            throw HelpfulSuggestions.missingParameter("schemaFile", PropertyNames.SCHEMA_FILE, "src/main/schema/input-schema.json");
        }
        String position = startingPosition.trim().toUpperCase(Locale.ROOT);
        if (discoverLocally || isRealAws()) {
            new SampledDiscoverOperation(new StreamSampler(clients().kinesis(), listener()), listener())
                    .run(stream, sampleSettings(position), schemaFile.toPath(), checkSchema);
            return;
        }
        String role = stack.resolve(roleArn, "roleArn", PropertyNames.ROLE_ARN, roleArnOutput, PropertyNames.ROLE_ARN_OUTPUT);
        var apps = new AnalyticsApps(clients().client(KinesisAnalyticsClient.builder()), listener(), waitTimeoutDuration(),
                false);
        new DiscoverSchemaOperation(apps).run(stream, role, position, schemaFile.toPath(), checkSchema);
    }

    private StreamSampler.Settings sampleSettings(String position) {
        String type = "NOW".equals(position) ? "LATEST" : position;
        if (!List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP").contains(type)) {
            throw HelpfulSuggestions.invalidParameter("startingPosition", "fanout.startingPosition", startingPosition,
                    "sampling with GetRecords it must be TRIM_HORIZON, NOW, LATEST or AT_TIMESTAMP");
        }
        if (sampleSize < 1 || sampleSize > 10_000) {
            throw HelpfulSuggestions.invalidParameter("sampleSize", "fanout.sampleSize", sampleSize,
                    "it must be between 1 and 10000 records");
        }
        if (sampleTimeout < 1) {
            throw HelpfulSuggestions.invalidParameter("sampleTimeout", "fanout.sampleTimeout", sampleTimeout,
                    "it must be a positive number of seconds");
        }
        Instant timestamp = null;
        if ("AT_TIMESTAMP".equals(type)) {
            if (sampleTimestamp == null || sampleTimestamp.isBlank()) {
                throw HelpfulSuggestions.missingParameter("sampleTimestamp", "fanout.sampleTimestamp", "2024-05-01T12:00:00Z");
            }
            try {
                timestamp = Instant.parse(sampleTimestamp.trim());
            } catch (DateTimeParseException e) {
                throw HelpfulSuggestions.invalidParameter("sampleTimestamp", "fanout.sampleTimestamp", sampleTimestamp,
                        "it must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
            }
        }
        return new StreamSampler.Settings(type, timestamp, sampleSize, Duration.ofSeconds(sampleTimeout));
    }
}
