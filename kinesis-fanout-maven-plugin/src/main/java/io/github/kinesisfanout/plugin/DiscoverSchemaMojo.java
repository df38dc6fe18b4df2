package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.app.DiscoverSchemaOperation;
import io.github.kinesisfanout.operations.app.StackOutputs;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/**
 * Samples the input stream with DiscoverInputSchema, prints the columns and a few parsed rows, and
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

    /** Where sampling starts: TRIM_HORIZON or NOW. */
    @Parameter(property = "fanout.startingPosition", defaultValue = "TRIM_HORIZON")
    protected String startingPosition;

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
        String stream = stack.resolve(inputStreamArn, "inputStreamArn", "fanout.inputStreamArn", inputStreamArnOutput,
                "fanout.inputStreamArnOutput");
        String role = stack.resolve(roleArn, "roleArn", "fanout.roleArn", roleArnOutput, "fanout.roleArnOutput");
        if (schemaFile == null) {
            throw HelpfulSuggestions.missingParameter("schemaFile", "fanout.schemaFile", "src/main/schema/input-schema.json");
        }
        var apps = new io.github.kinesisfanout.operations.app.AnalyticsApps(
                clients().client(KinesisAnalyticsClient.builder()), listener(), waitTimeoutDuration(),
                clientSettings().endpoint() == null && System.getenv("AWS_ENDPOINT_URL") == null);
        new DiscoverSchemaOperation(apps).run(stream, role, startingPosition.trim().toUpperCase(java.util.Locale.ROOT),
                schemaFile.toPath(), checkSchema);
    }
}
