package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.OutputMapping;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.verify.FanoutReport;
import io.github.kinesisfanout.operations.verify.FanoutReportHtml;
import io.github.kinesisfanout.operations.verify.InputStreamAssignment;
import io.github.kinesisfanout.operations.verify.VerifyFanoutOperation;
import io.github.kinesisfanout.operations.verify.VerifySettings;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the routing: runs the application SQL locally over the records put-records sent, then reads
 * every output stream until each expected row has arrived, and reports per output what was expected,
 * arrived, missing, unexpected and duplicated, with put-to-arrival latencies, as JSON and as an HTML
 * page. Bound to integration-test with {@code failOnError=false}, it leaves the verdict to
 * verify-report so the pipeline is torn down in post-integration-test first.
 */
@Mojo(name = VerifyFanoutMojo.GOAL_NAME, defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class VerifyFanoutMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "verify-fanout";

    private static final String ERROR_STREAM = "error_stream";

    /** The manifest put-records wrote. */
    @Parameter(property = "fanout.manifest",
               defaultValue = "${project.build.directory}/kinesis-fanout/put-records-manifest.jsonl")
    protected File manifest;

    /** The application SQL, evaluated locally to learn what each output should receive. */
    @Parameter(property = "fanout.sqlFile", defaultValue = "${project.basedir}/src/main/sql/application.sql")
    protected File sqlFile;

    /** The input schema: a JSON array of RecordColumns {Name, SqlType, Mapping}, or a whole InputSchema. */
    @Parameter(property = "fanout.schemaFile", defaultValue = "${project.basedir}/src/main/schema/input-schema.json")
    protected File schemaFile;

    /** The in-application input streams' name prefix: {@code <prefix>_001} (to {@code _00N} with inputParallelism). */
    @Parameter(property = "fanout.namePrefix", defaultValue = "SOURCE_SQL_STREAM")
    protected String namePrefix;

    /**
     * The application's InputParallelism, the one create-app sets, 1 to 64: each record is fed to the
     * in-application input stream its shard feeds, shard number k to {@code <prefix>_00(k mod N + 1)}
     * as the local cloud and the Flink job assign them.
     */
    @Parameter(property = "fanout.inputParallelism", defaultValue = "1")
    protected int inputParallelism;

    /**
     * Where the application runs, as create-app's engine: sql or flink. With inputParallelism above 1,
     * an engine=sql application on AWS itself cannot be checked (AWS does not publish which shard feeds
     * which in-application stream).
     */
    @Parameter(property = "fanout.engine", defaultValue = "sql")
    protected String engine;

    /**
     * The input stream put-records wrote to, by name or ARN: the records' arrival times there are
     * their ROWTIME and the start of the put-to-output latency. Unset: the manifest's put times.
     */
    @Parameter(property = "fanout.inputStream")
    protected String inputStream;

    /**
     * The outputs to check: the mapping create-app reads (declare it once, in the plugin's
     * {@code <configuration>}), {@code <output><name>STREAM</name><stream>KINESIS_STREAM</stream>
     * <function>CONSUMER</function></output>}; an {@code error_stream} output should receive nothing unexpected.
     */
    @Parameter
    protected List<ApplicationOutput> outputs;

    /**
     * Outputs on the command line, added to outputs: NAME=STREAM[:FORMAT][@FUNCTION],... e.g.
     * {@code POSITIVE_TRANSACTIONS=PositiveTransactions@my-consumer}.
     */
    @Parameter(property = "fanout.outputs")
    protected String outputsSpec;

    /** The old property of outputsSpec, still read, with a warning: use -Dfanout.outputs, which create-app reads too. */
    @Parameter(property = "fanout.verify.outputs")
    protected String oldOutputsSpec;

    /** The Kinesis stream the application writes error_stream to, when the outputs do not map error_stream. */
    @Parameter(property = "fanout.errorStream")
    protected String errorStream;

    /** Also count each consumer's log lines in CloudWatch Logs ({@code /aws/lambda/FUNCTION}). */
    @Parameter(property = "fanout.checkLogs", defaultValue = "false")
    protected boolean checkLogs;

    /** Seconds to wait for every expected row (and log line) to arrive. */
    @Parameter(property = "fanout.verify.timeout", defaultValue = "120")
    protected int timeout;

    /** Milliseconds between two reads of the output streams (a shard serves 5 reads a second to all readers). */
    @Parameter(property = "fanout.verify.pollInterval", defaultValue = "250")
    protected int pollInterval;

    /**
     * Where the report goes (JSON), for verify-report; the same report as an HTML page goes beside it,
     * the name ending in {@code .html}.
     */
    @Parameter(property = "fanout.verify.report",
               defaultValue = "${project.build.directory}/kinesis-fanout/verify-fanout-report.json")
    protected File report;

    /** Fail the build here when the check fails; false leaves it to verify-report, after the teardown goals. */
    @Parameter(property = "fanout.verify.failOnError", defaultValue = "true")
    protected boolean failOnError;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() throws MojoFailureException {
        if (timeout <= 0 || pollInterval <= 0) {
            throw new FanoutException("timeout (fanout.verify.timeout) and pollInterval (fanout.verify.pollInterval)"
                    + " must be positive");
        }
        checkInputParallelism();
        String input = inputStream == null || inputStream.isBlank() ? null : inputStream.trim();
        VerifySettings settings = new VerifySettings(manifest.toPath(), sqlFile.toPath(), schemaFile.toPath(),
                namePrefix, inputParallelism, input, outputSpecs(), checkLogs, Duration.ofSeconds(timeout),
                Duration.ofMillis(pollInterval), report.toPath());
        FanoutReport result = new VerifyFanoutOperation(clients(), listener()).run(settings);
        getLog().info(result.summary() + "; report: " + shown(FanoutReportHtml.fileBeside(report.toPath())));
        if (result.passed()) {
            return;
        }
        String message = VerifyReportMojo.failure(result.summary(), result.problems());
        if (failOnError) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message);
        getLog().warn("The build fails in verify-report once the pipeline is torn down; report: " + report);
    }

    /** 1 to 64, as AWS allows; above 1 only where the shards' assignment to the input streams is known. */
    private void checkInputParallelism() {
        if (inputParallelism < 1 || inputParallelism > 64) {
            throw HelpfulSuggestions.invalidParameter("inputParallelism", PropertyNames.INPUT_PARALLELISM,
                    inputParallelism, "it must be 1 to 64");
        }
        String value = engine == null ? "sql" : engine.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("sql") && !value.equals("flink")) {
            throw HelpfulSuggestions.invalidParameter("engine", PropertyNames.ENGINE, engine, "it must be sql or flink");
        }
        if (inputParallelism > 1 && value.equals("sql") && isRealAws()) {
            throw InputStreamAssignment.unpublished(namePrefix, inputParallelism);
        }
    }

    /** The outputs mapping, the old property's entries (with a warning) and errorStream included. */
    private List<ApplicationOutput> outputSpecs() {
        OutputMapping mapping = OutputMapping.configured(outputs).plus(outputsSpec, PropertyNames.OUTPUTS);
        if (!blank(oldOutputsSpec)) {
            getLog().warn("-D" + PropertyNames.OLD_VERIFY_OUTPUTS + " is the old name of -D" + PropertyNames.OUTPUTS
                    + "; use the new one, which create-app and the Flink goals read too");
            mapping.plus(oldOutputsSpec, PropertyNames.OLD_VERIFY_OUTPUTS);
        }
        if (!blank(errorStream)) {
            mapping.plusOutput(new ApplicationOutput(ERROR_STREAM, errorStream.trim(), null, null),
                    "<errorStream> (-Dfanout.errorStream)");
        }
        return mapping.outputs();
    }

    /** A path under the project's folder relative to it, as a reader would type it; any other in full. */
    private Path shown(Path file) {
        Path base = project == null ? null : project.getBasedir().toPath().toAbsolutePath();
        Path absolute = file.toAbsolutePath();
        return base != null && absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
