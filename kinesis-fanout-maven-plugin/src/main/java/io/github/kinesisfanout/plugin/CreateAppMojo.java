package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.operations.app.CreateAppOperation;
import io.github.kinesisfanout.operations.app.CreateAppRequest;
import io.github.kinesisfanout.operations.app.ReferenceObject;
import io.github.kinesisfanout.operations.app.ReferenceSettings;
import io.github.kinesisfanout.operations.app.ReferenceSource;
import io.github.kinesisfanout.operations.app.SqlCheck;
import io.github.kinesisfanout.operations.app.StackOutputs;
import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.JobProperties;
import io.github.kinesisfanout.operations.flink.JobTarget;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkCreateOperation;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkCreateRequest;
import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Creates the application (or updates it when it changed), wired to the input stream, role and
 * output streams, by default from the deployed stack's outputs: with engine=sql a Kinesis Analytics
 * SQL application (the SQL compiled locally first, so errors show with their line and column), with
 * engine=flink a Managed Flink application running the translated SQL from a jar in S3. With engine=sql
 * the application may join its stream with one reference table read from S3 (its file uploaded first).
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

    /**
     * The S3 bucket create-app uploads to (engine=flink: the jar; engine=sql: referenceFile unless referenceBucket
     * is set); unset: kinesis-fanout-artifacts-ACCOUNT-REGION, created when missing.
     */
    @Parameter(property = "fanout.artifactBucket")
    protected String artifactBucket;

    /** engine=flink: the application's CloudWatch log stream (arn:aws:logs:REGION:ACCOUNT:log-group:G:log-stream:S), or none. */
    @Parameter(property = "fanout.flink.logStreamArn")
    protected String logStreamArn;

    /**
     * engine=sql: the reference table the SQL joins with (ReferenceDataSource TableName, 1 to 32 characters, named
     * quoted in the SQL). Unset, with the other reference settings: no table, and a deployed one is deleted.
     */
    @Parameter(property = "fanout.reference.tableName")
    protected String referenceTableName;

    /** The reference table's rows: a local CSV or JSON file, uploaded when the S3 object holds other bytes. */
    @Parameter(property = "fanout.reference.file")
    protected File referenceFile;

    /** Instead of referenceFile: the reference table's rows already in S3, s3://BUCKET/KEY. */
    @Parameter(property = "fanout.reference.s3Uri")
    protected String referenceS3Uri;

    /**
     * The bucket referenceFile is uploaded to (created when missing). Unset: artifactBucket, else
     * kinesis-fanout-artifacts-ACCOUNT-REGION.
     */
    @Parameter(property = "fanout.reference.bucket")
    protected String referenceBucket;

    /** The key referenceFile is uploaded under. Unset: reference-data/APPLICATION/FILE_NAME. */
    @Parameter(property = "fanout.reference.key")
    protected String referenceKey;

    /**
     * The reference table's schema: AWS's SourceSchema JSON (RecordFormat, RecordEncoding, RecordColumns), or the
     * bare RecordColumns array for JSON rows.
     */
    @Parameter(property = "fanout.reference.schemaFile",
               defaultValue = "${project.basedir}/src/main/schema/reference-schema.json")
    protected File referenceSchemaFile;

    /** The role that reads the reference object. Unset: the application's role (roleArn). */
    @Parameter(property = "fanout.reference.roleArn")
    protected String referenceRoleArn;

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
        Optional<ReferenceSource> reference = referenceSettings().resolve(name);
        // The SQL is checked before anything else is resolved, so its errors come first.
        checkInputParallelism();
        CompiledApplication compiled = SqlCheck.validate(sql, sqlFile.getPath(), namePrefix, schema, inputParallelism,
                reference.orElse(null));
        StackOutputs stack = stack();
        String input = inputStreamArn(stack);
        String role = stack.resolve(roleArn, "roleArn", PropertyNames.ROLE_ARN, roleArnOutput, PropertyNames.ROLE_ARN_OUTPUT);
        ReferenceSource resolved = reference.map(r -> r.withDefaults(role,
                () -> new ArtifactUploader(clients(), listener()).bucket(artifactBucket))).orElse(null);
        CreateAppRequest request = new CreateAppRequest(name, applicationDescription, sql, sqlFile.getPath(),
                namePrefix, inputParallelism, schema, input, role, configuredOutputs(), replace, resolved);
        getLog().info(new CreateAppOperation(apps(), new StreamArns(clients()), new ReferenceObject(clients(), listener()))
                .run(request, compiled));
    }

    private ReferenceSettings referenceSettings() {
        return new ReferenceSettings(referenceTableName, path(referenceFile), referenceS3Uri, referenceBucket,
                referenceKey, path(referenceSchemaFile), referenceRoleArn);
    }

    private static Path path(File file) {
        return file == null ? null : file.toPath();
    }

    private void runOnManagedFlink() {
        String name = applicationName();
        if (referenceSettings().resolve(name).isPresent()) {
            throw new FanoutException("<referenceTableName> is set, but reference tables are not supported yet with"
                    + " engine=flink: remove the reference settings (-D" + PropertyNames.REFERENCE_TABLE_NAME
                    + ") or use -D" + PropertyNames.ENGINE + "=sql");
        }
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
