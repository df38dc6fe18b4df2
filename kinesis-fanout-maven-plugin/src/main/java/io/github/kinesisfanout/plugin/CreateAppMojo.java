package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.CreateAppOperation;
import io.github.kinesisfanout.operations.app.CreateAppRequest;
import io.github.kinesisfanout.operations.app.SqlCheck;
import io.github.kinesisfanout.operations.app.StackOutputs;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Creates the Kinesis Analytics SQL application (or updates it when it changed), wired to the
 * input stream, role and output streams, by default from the deployed stack's outputs. The SQL is
 * compiled locally first, so errors show with their line and column.
 */
@Mojo(name = CreateAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class CreateAppMojo extends AbstractApplicationSourceMojo {

    public static final String GOAL_NAME = "create-app";

    /** The role the application reads and writes with. Unset: the stack output named by roleArnOutput. */
    @Parameter(property = "fanout.roleArn")
    protected String roleArn;

    /** The stack output holding the role ARN. */
    @Parameter(property = "fanout.roleArnOutput", defaultValue = "ApplicationRoleArn")
    protected String roleArnOutput;

    /** The application description. */
    @Parameter(property = "fanout.applicationDescription")
    protected String applicationDescription;

    /** Delete and recreate an existing application instead of updating it. */
    @Parameter(property = "fanout.replace", defaultValue = "false")
    protected boolean replace;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        String name = applicationName();
        String sql = readSql();
        SourceSchema schema = schema();
        // The SQL is checked before anything else is resolved, so its errors come first.
        SqlCheck.validate(sql, sqlFile.getPath(), namePrefix, schema);
        StackOutputs stack = stack();
        String input = inputStreamArn(stack);
        String role = stack.resolve(roleArn, "roleArn", "fanout.roleArn", roleArnOutput, "fanout.roleArnOutput");
        CreateAppRequest request = new CreateAppRequest(name, applicationDescription, sql, sqlFile.getPath(),
                namePrefix, inputParallelism, schema, input, role, targets(), replace);
        getLog().info(new CreateAppOperation(apps()).run(request));
    }

    private List<CreateAppRequest.OutputTarget> targets() {
        List<CreateAppRequest.OutputTarget> targets = new ArrayList<>();
        for (ApplicationOutput output : configuredOutputs()) {
            String stream = output.stream;
            String arn = stream.startsWith("arn:") ? stream : clients().kinesis()
                    .describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamARN();
            targets.add(new CreateAppRequest.OutputTarget(output.name, arn, output.format));
        }
        return targets;
    }
}
