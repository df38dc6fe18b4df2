package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.operations.app.SourceSchemas;
import io.github.kinesisfanout.operations.app.StackOutputs;
import io.github.kinesisfanout.operations.flink.FlinkApplication;
import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.FlinkPackageOperation;
import io.github.kinesisfanout.operations.flink.FlinkTranslateOperation;
import io.github.kinesisfanout.operations.flink.JobJar;
import io.github.kinesisfanout.operations.flink.JobProperties;
import io.github.kinesisfanout.operations.flink.JobTarget;
import io.github.kinesisfanout.sql.FlinkConnector;
import io.github.kinesisfanout.sql.FlinkOptions;
import io.github.kinesisfanout.sql.FlinkOutput;
import io.github.kinesisfanout.sql.FlinkRowtime;
import io.github.kinesisfanout.sql.FlinkTranslation;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters of the Flink goals besides create-app's (Flink version, connector, ROWTIME,
 * approximations, starting position, output directory) and the steps they share: translate, package.
 */
public abstract class AbstractFlinkMojo extends AbstractApplicationSourceMojo {

    /** The Flink version the job runs on: the local runtime resolved for flink-start-local, Managed Flink FLINK-1_19. */
    @Parameter(property = "fanout.flink.version", defaultValue = "1.19.3")
    protected String flinkVersion;

    /**
     * The Kinesis connector the script is written for: KINESIS_4 (flink-connector-kinesis 4.x, the
     * one the job jar holds; streams by name) or AWS_KINESIS_STREAMS_5 (flink-connector-aws-kinesis-streams
     * 5.x/6.x; streams by ARN).
     */
    @Parameter(property = "fanout.flink.connector", defaultValue = "KINESIS_4")
    protected String connector;

    /**
     * What ROWTIME becomes: PROCESSING_TIME (the time Flink reads a record) or ARRIVAL_TIME (the
     * record's Kinesis arrival time as event time with a watermark, so a rerun gives the same windows).
     */
    @Parameter(property = "fanout.flink.rowtime", defaultValue = "PROCESSING_TIME")
    protected String rowtime;

    /** Translate constructs without an exact Flink equivalent to their nearest one, with a warning, instead of refusing them. */
    @Parameter(property = "fanout.flink.allowApproximations", defaultValue = "false")
    protected boolean allowApproximations;

    /**
     * Where the job starts reading the input stream: TRIM_HORIZON or LATEST. Unset: TRIM_HORIZON for
     * the local goals, the connector's default (LATEST) in the properties flink-package writes.
     */
    @Parameter(property = "fanout.flink.startingPosition")
    protected String startingPosition;

    /** Where application.sql, application.jar, application.properties.json and the job's log go. */
    @Parameter(property = "fanout.flink.outputDirectory", defaultValue = "${project.build.directory}/kinesis-fanout/flink")
    protected File outputDirectory;

    /** The translation options, or the fix-it failure for a value that is none of the choices. */
    protected final FlinkOptions options() {
        return new FlinkOptions(choice(FlinkConnector.class, connector, "connector", "fanout.flink.connector"),
                choice(FlinkRowtime.class, rowtime, "rowtime", "fanout.flink.rowtime"), allowApproximations);
    }

    /** The application from create-app's parameters: SQL, schema with the input parallelism, and outputs. */
    protected final FlinkApplication application() {
        checkInputParallelism();
        String sql = readSql();
        InputSchema input = SourceSchemas.inputSchema(namePrefix, schema()).withParallelism(inputParallelism);
        List<FlinkOutput> outputs = new ArrayList<>();
        for (ApplicationOutput output : configuredOutputs()) {
            outputs.add(new FlinkOutput(output.name(), output.format()));
        }
        return new FlinkApplication(sql, sqlFile.getPath(), List.of(input), outputs);
    }

    /** inputParallelism is 1 to 64, as AWS allows. */
    protected final void checkInputParallelism() {
        if (inputParallelism < 1 || inputParallelism > 64) {
            throw HelpfulSuggestions.invalidParameter("inputParallelism", PropertyNames.INPUT_PARALLELISM, inputParallelism,
                    "it must be 1 to 64");
        }
    }

    /** Translates the application and writes application.sql, logging what each construct became. */
    protected final FlinkTranslation translate() {
        return new FlinkTranslateOperation(listener()).run(application(), options(),
                outputDirectory.toPath().resolve(FlinkPackageOperation.SCRIPT));
    }

    /** Translates, then writes the jar, the properties for this build's endpoint and the jar's hash. */
    protected final FlinkPackage packageJob(String defaultStartingPosition) {
        return packageJob(target(defaultStartingPosition), UnaryOperator.identity());
    }

    /** Translates, then writes the jar and the properties for {@code target}, adjusted by {@code adjust}. */
    protected final FlinkPackage packageJob(JobTarget target, UnaryOperator<JobProperties> adjust) {
        FlinkTranslation translation = translate();
        StackOutputs stack = stack();
        StreamArns streams = new StreamArns(clients());
        String input = target.streamId(inputStreamArn(stack), streams::arn);
        Map<String, String> outputStreams = new LinkedHashMap<>();
        for (ApplicationOutput output : configuredOutputs()) {
            outputStreams.put(output.name(), target.streamId(output.stream(), streams::arn));
        }
        return new FlinkPackageOperation(listener(), JobJar::embedded)
                .run(translation, adjust.apply(target.properties(input, outputStreams)), outputDirectory.toPath());
    }

    /** Where the job reads and writes: this build's region and endpoint, the starting position checked. */
    protected final JobTarget target(String defaultStartingPosition) {
        ClientSettings settings = clientSettings();
        String position = startingPosition == null || startingPosition.isBlank() ? defaultStartingPosition
                : startingPosition.trim().toUpperCase(Locale.ROOT);
        if (position != null && !position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
            throw HelpfulSuggestions.invalidParameter("startingPosition", "fanout.flink.startingPosition",
                    startingPosition, "it must be TRIM_HORIZON or LATEST");
        }
        if ((settings.accessKey() == null) != (settings.secretKey() == null)) {
            throw HelpfulSuggestions.incompleteCredentials();
        }
        return new JobTarget(options().connector(), clients().region().id(), settings.endpoint(),
                settings.localCloud(), settings.accessKey(), settings.secretKey(), position);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String name, String property) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        throw HelpfulSuggestions.invalidParameter(name, property, value, "it must be " + String.join(" or ", names));
    }
}
