package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.operations.app.CreateAppOperation;
import io.github.kinesisfanout.operations.app.CreateAppRequest;
import io.github.kinesisfanout.operations.app.SqlCheck;
import io.github.kinesisfanout.operations.app.StackOutputs;
import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.JobProperties;
import io.github.kinesisfanout.operations.flink.JobTarget;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkCreateOperation;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkCreateRequest;
import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Creates the application (or updates it when it changed), wired to the input stream, role and
 * output streams, by default from the deployed stack's outputs: with engine=sql a Kinesis Analytics
 * SQL application (the SQL compiled locally first, so errors show with their line and column), with
 * engine=flink a Managed Flink application running the translated SQL from a jar in S3.
 */
@Mojo(name = CreateAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class CreateAppMojo extends AbstractFlinkMojo {

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

    /** engine=flink: the Managed Flink runtime, sent as given (FLINK-1_19, FLINK-1_20, ...). */
    @Parameter(property = "fanout.flink.runtime", defaultValue = "FLINK-1_19")
    protected String runtimeEnvironment;

    /** engine=flink: the checkpoint interval in milliseconds (checkpointing CUSTOM, enabled). */
    @Parameter(property = "fanout.flink.checkpointInterval", defaultValue = "60000")
    protected long checkpointInterval;

    /** engine=flink: the application's parallelism. */
    @Parameter(property = "fanout.flink.parallelism", defaultValue = "1")
    protected int parallelism;

    /** engine=flink: parallel tasks per KPU (Managed Flink bills per KPU-hour). */
    @Parameter(property = "fanout.flink.parallelismPerKpu", defaultValue = "1")
    protected int parallelismPerKpu;

    /** engine=flink: whether Managed Flink scales the parallelism with the load. */
    @Parameter(property = "fanout.flink.autoScaling", defaultValue = "false")
    protected boolean autoScaling;

    /** engine=flink: the S3 bucket the jar is uploaded to; unset: kinesis-fanout-artifacts-ACCOUNT-REGION, created when missing. */
    @Parameter(property = "fanout.artifactBucket")
    protected String artifactBucket;

    /** engine=flink: the application's CloudWatch log stream (arn:aws:logs:REGION:ACCOUNT:log-group:G:log-stream:S), or none. */
    @Parameter(property = "fanout.flink.logStreamArn")
    protected String logStreamArn;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        if (flinkEngine()) {
            runOnManagedFlink();
            return;
        }
        String name = applicationName();
        String sql = readSql();
        SourceSchema schema = schema();
        // The SQL is checked before anything else is resolved, so its errors come first.
        CompiledApplication compiled = SqlCheck.validate(sql, sqlFile.getPath(), namePrefix, schema);
        StackOutputs stack = stack();
        String input = inputStreamArn(stack);
        String role = stack.resolve(roleArn, "roleArn", PropertyNames.ROLE_ARN, roleArnOutput, PropertyNames.ROLE_ARN_OUTPUT);
        CreateAppRequest request = new CreateAppRequest(name, applicationDescription, sql, sqlFile.getPath(),
                namePrefix, inputParallelism, schema, input, role, configuredOutputs(), replace);
        getLog().info(new CreateAppOperation(apps(), new StreamArns(clients())).run(request, compiled));
    }

    private void runOnManagedFlink() {
        String name = applicationName();
        if (checkpointInterval < 1 || parallelism < 1 || parallelismPerKpu < 1) {
            throw io.github.kinesisfanout.operations.HelpfulSuggestions.invalidParameter(checkpointInterval < 1
                    ? "checkpointInterval" : parallelism < 1 ? "parallelism" : "parallelismPerKpu", "fanout.flink."
                    + (checkpointInterval < 1 ? "checkpointInterval" : parallelism < 1 ? "parallelism" : "parallelismPerKpu"),
                    checkpointInterval < 1 ? checkpointInterval : parallelism < 1 ? parallelism : parallelismPerKpu,
                    "it must be a positive number");
        }
        // Managed Flink gives the job its role's credentials and the service endpoints: the
        // properties carry the streams, region and options only (a local cloud adds its own endpoint).
        JobTarget build = target(null);
        JobTarget managed = new JobTarget(build.connector(), build.region(), null, false, null, null,
                build.startingPosition());
        AtomicReference<JobProperties> properties = new AtomicReference<>();
        FlinkPackage written = packageJob(managed, all -> {
            properties.set(all.without("aws.credentials.provider"));
            return properties.get();
        });
        StackOutputs stack = stack();
        String role = stack.resolve(roleArn, "roleArn", PropertyNames.ROLE_ARN, roleArnOutput, PropertyNames.ROLE_ARN_OUTPUT);
        ManagedFlinkCreateRequest request = new ManagedFlinkCreateRequest(name, applicationDescription,
                require(runtimeEnvironment, "flink.runtime", "FLINK-1_19"), role, written, properties.get(),
                artifactBucket, checkpointInterval, parallelism, parallelismPerKpu, autoScaling,
                logStreamArn == null || logStreamArn.isBlank() ? null : logStreamArn.trim());
        getLog().info(new ManagedFlinkCreateOperation(managedFlinkApps(), new ArtifactUploader(clients(), listener()))
                .run(request));
    }
}
