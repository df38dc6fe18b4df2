package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.sql.CompiledApplication;
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

    RunnerLauncher(StreamAccess streams, LambdaInvoker lambda) {
        this.streams = streams;
        this.lambda = lambda;
    }

    /** Everything StartApplication can find wrong before the application starts. */
    CompiledApplication check(Application app, ApplicationConfig config) {
        if (config.inputs().isEmpty()) {
            throw AnalyticsErrors.invalidConfiguration("Application " + app.name
                    + " has no input: add one with AddApplicationInput before starting it.");
        }
        ApplicationInput input = config.inputs().get(0);
        if (input.processing() != null) {
            throw AnalyticsErrors.invalidConfiguration("Input " + input.id() + " of application " + app.name
                    + " has an InputProcessingConfiguration; Lambda preprocessing is not supported by the local cloud.");
        }
        if (!config.references().isEmpty()) {
            throw AnalyticsErrors.invalidConfiguration("Application " + app.name
                    + " has a reference data source; reference data is not supported by the local cloud.");
        }
        requireStream(input.streamArn(), "Input stream");
        CompiledApplication compiled;
        try {
            compiled = ApplicationCompiler.compile(config);
        } catch (AwsServiceException e) {
            throw AnalyticsErrors.invalidConfiguration("The application code does not compile: " + e.getMessage());
        }
        Set<String> streamNames = compiled.streams().stream().map(CompiledApplication.StreamDescription::name)
                .collect(Collectors.toSet());
        for (ApplicationOutput output : config.outputs()) {
            if (!streamNames.contains(output.name()) && !ERROR_STREAM.equals(output.name())) {
                throw AnalyticsErrors.invalidConfiguration("Output " + output.id() + " names in-application stream "
                        + output.name() + ", which the application code does not create.");
            }
            if (ApplicationOutput.LAMBDA.equals(output.destination()) && (lambda == null || !lambda.available())) {
                throw AnalyticsErrors.invalidConfiguration("Output " + output.id()
                        + " is a LambdaOutput, but this local cloud has no Lambda service.");
            }
            if (ApplicationOutput.KINESIS.equals(output.destination())) {
                requireStream(output.resourceArn(), "Output stream");
            }
        }
        return compiled;
    }

    /** Starts the runner and makes it the application's. */
    void launch(Application app, ApplicationConfig config, String startingPosition) {
        CompiledApplication compiled = check(app, config);
        ApplicationInput input = config.inputs().get(0);
        synchronized (app) {
            if (!input.streamArn().equals(app.checkpointStreamArn)) {
                app.checkpoints.clear();
                app.checkpointStreamArn = input.streamArn();
            }
        }
        ApplicationRunner runner = ApplicationRunner.start(new RunnerSpec(app.name, app.arn, compiled, input,
                config.outputs(), streams, lambda, app.checkpoints, RunnerSpec.STOP_TIMEOUT_MILLIS), startingPosition);
        synchronized (app) {
            app.runner = runner;
        }
    }

    private void requireStream(String arn, String what) {
        try {
            streams.listShards(arn);
        } catch (AwsServiceException e) {
            throw AnalyticsErrors.invalidConfiguration(what + " " + arn + " cannot be read: "
                    + e.errorCode() + ": " + e.getMessage());
        }
    }
}
