package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a configuration can run (InvalidApplicationConfigurationException naming what is
 * missing) and starts its {@link ApplicationRunner}.
 */
final class RunnerLauncher {

    static final String ERROR_STREAM = "error_stream";

    private final StreamAccess streams;
    private final LambdaInvoker lambda;
    private final ObjectReader objects;
    private final DeliveryStreamLink firehose;
    private final java.time.Clock clock;

    /**
     * @param objects how reference data is read from S3; null when the cloud has no S3 service
     * @param firehose how delivery streams are reached; null when the cloud has no Firehose service
     * @param clock the cloud's clock, the runners' time
     */
    RunnerLauncher(StreamAccess streams, LambdaInvoker lambda, ObjectReader objects, DeliveryStreamLink firehose,
            java.time.Clock clock) {
        this.clock = clock;
        this.streams = streams;
        this.lambda = lambda;
        this.objects = objects;
        this.firehose = firehose;
    }

    /** Everything StartApplication can find wrong before the application starts. */
    CompiledApplication check(Application app, ApplicationConfig config) {
        return checked(app, config).compiled();
    }

    /** The compiled code and the reference tables' objects of a configuration that can run. */
    private record Checked(CompiledApplication compiled, Map<String, byte[]> referenceData) {
    }

    private Checked checked(Application app, ApplicationConfig config) {
        if (config.inputs().isEmpty()) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error("Application " + app.name
                    + " has no input: add one with AddApplicationInput before starting it.");
        }
        ApplicationInput input = config.inputs().get(0);
        if (input.processing() != null && (lambda == null || !lambda.available())) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(
                    "Input " + input.id() + " of application " + app.name
                    + " has an InputProcessingConfiguration (InputLambdaProcessor), but this local cloud has no"
                    + " Lambda service.");
        }
        if (input.fromFirehose()) {
            requireDirectPut(input.streamArn(), "Input " + input.id() + " (KinesisFirehoseInput)");
        } else {
            requireStream(input.streamArn(), "Input stream");
        }
        Map<String, byte[]> referenceData = referenceData(app, config);
        CompiledApplication compiled;
        try {
            compiled = ApplicationCompiler.compile(config);
        } catch (AwsServiceException e) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(
                    "The application code does not compile: " + e.getMessage());
        }
        Set<String> streamNames = compiled.streams().stream().map(CompiledApplication.StreamDescription::name)
                .collect(Collectors.toSet());
        for (ApplicationOutput output : config.outputs()) {
            if (!streamNames.contains(output.name()) && !ERROR_STREAM.equals(output.name())) {
                throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(
                        "Output " + output.id() + " names in-application stream "
                        + output.name() + ", which the application code does not create.");
            }
            if (ApplicationOutput.LAMBDA.equals(output.destination()) && (lambda == null || !lambda.available())) {
                throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error("Output " + output.id()
                        + " is a LambdaOutput, but this local cloud has no Lambda service.");
            }
            if (ApplicationOutput.KINESIS.equals(output.destination())) {
                requireStream(output.resourceArn(), "Output stream");
            }
            if (ApplicationOutput.FIREHOSE.equals(output.destination())) {
                requireDirectPut(output.resourceArn(), "Output " + output.id() + " (KinesisFirehoseOutput)");
            }
        }
        return new Checked(compiled, referenceData);
    }

    /** Starts the runner and makes it the application's; the reference objects are read once, here. */
    void launch(Application app, ApplicationConfig config, String startingPosition) {
        Checked checked = checked(app, config);
        ApplicationInput input = config.inputs().get(0);
        synchronized (app) {
            if (!input.streamArn().equals(app.checkpointStreamArn)) {
                app.checkpoints.clear();
                app.checkpointStreamArn = input.streamArn();
            }
        }
        ApplicationRunner runner = ApplicationRunner.start(new RunnerSpec(app.name, app.arn, checked.compiled(), input,
                config.outputs(), streams, lambda, firehose, app.checkpoints, RunnerSpec.STOP_TIMEOUT_MILLIS,
                checked.referenceData(), clock), startingPosition);
        synchronized (app) {
            app.runner = runner;
        }
    }

    /**
     * The objects of the reference data sources, read from S3 now (reference §4.6: loaded when the application
     * starts, and again when a configuration change restarts it), by table name.
     */
    private Map<String, byte[]> referenceData(Application app, ApplicationConfig config) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        for (ObjectNode source : config.references()) {
            String id = source.path("ReferenceId").asText();
            String table = source.path("TableName").asText();
            var s3 = source.path("S3ReferenceDataSourceDescription");
            String bucketArn = s3.path("BucketARN").asText();
            String key = s3.path("FileKey").asText();
            String bucket = bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
            if (objects == null) {
                throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(
                        "Reference data source " + id + " of application " + app.name
                        + " reads s3://" + bucket + "/" + key + ", but this local cloud has no S3 service.");
            }
            try {
                data.put(table, objects.read(bucket, key));
            } catch (AwsServiceException e) {
                throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(
                        "Reference data source " + id + " (table " + table
                        + ") of application " + app.name + " cannot be read from s3://" + bucket + "/" + key + ": "
                        + e.errorCode() + ": " + e.getMessage());
            }
        }
        return data;
    }

    /**
     * A delivery stream the application can use: it exists and takes puts (DirectPut); Firehose refuses
     * PutRecord on a KinesisStreamAsSource delivery stream, and only a DirectPut one has records to read.
     */
    private void requireDirectPut(String arn, String what) {
        if (firehose == null || !firehose.available()) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(what + " names delivery stream " + arn
                    + ", but this local cloud has no Firehose service.");
        }
        String type;
        try {
            type = firehose.type(arn);
        } catch (AwsServiceException e) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(what + " names delivery stream " + arn + ", which cannot be used: "
                    + e.errorCode() + ": " + e.getMessage());
        }
        if (!"DirectPut".equals(type)) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(what + " names delivery stream " + arn + " of DeliveryStreamType "
                    + type + "; an application can use a DirectPut delivery stream only.");
        }
    }

    private void requireStream(String arn, String what) {
        try {
            streams.listShards(arn);
        } catch (AwsServiceException e) {
            throw AnalyticsErrors.INVALID_APPLICATION_CONFIGURATION.error(what + " " + arn + " cannot be read: "
                    + e.errorCode() + ": " + e.getMessage());
        }
    }
}
