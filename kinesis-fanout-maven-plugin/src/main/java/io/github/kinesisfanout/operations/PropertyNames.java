package io.github.kinesisfanout.operations;

/**
 * The {@code fanout.*} user properties that more than one goal takes or that code reads or sets,
 * named once so the goals cannot disagree. The {@code @Parameter} annotations spell them out
 * (a test checks that each name here is a goal's property and that no property means two parameters).
 */
public final class PropertyNames {

    /** The endpoint of every service; start-local sets it for the later goals. */
    public static final String ENDPOINT = "fanout.endpoint";

    /** How long a goal waits for a resource, in seconds. */
    public static final String WAIT_TIMEOUT = "fanout.waitTimeout";

    /** sql or flink: the engine of the application goals. */
    public static final String ENGINE = "fanout.engine";

    /** start-local and run-local: the local cloud's data directory. */
    public static final String LOCAL_DATA_DIR = "fanout.localDataDir";

    /** start-local and run-local: how much data the local cloud keeps in memory with a data directory. */
    public static final String LOCAL_MEMORY_BUDGET = "fanout.localMemoryBudget";

    /** The application SQL: create-app, the Flink goals, verify-fanout. */
    public static final String SQL_FILE = "fanout.sqlFile";

    /** The input schema: create-app, discover-schema, the Flink goals, verify-fanout. */
    public static final String SCHEMA_FILE = "fanout.schemaFile";

    /** The InputParallelism count (in-application input streams PREFIX_001..): create-app, the Flink goals, verify-fanout. */
    public static final String INPUT_PARALLELISM = "fanout.inputParallelism";

    /** The outputs mapping's command-line entries: create-app, the Flink goals, verify-fanout. */
    public static final String OUTPUTS = "fanout.outputs";

    /** verify-fanout's old name of {@link #OUTPUTS}, read with a warning. */
    public static final String OLD_VERIFY_OUTPUTS = "fanout.verify.outputs";

    /** The input stream ARN, and the stack output holding it. */
    public static final String INPUT_STREAM_ARN = "fanout.inputStreamArn";
    public static final String INPUT_STREAM_ARN_OUTPUT = "fanout.inputStreamArnOutput";

    /** The application role ARN, and the stack output holding it. */
    public static final String ROLE_ARN = "fanout.roleArn";
    public static final String ROLE_ARN_OUTPUT = "fanout.roleArnOutput";

    /** create-app's reference table (Kinesis Analytics ReferenceDataSource): its name, data, S3 object, schema and role. */
    public static final String REFERENCE_TABLE_NAME = "fanout.reference.tableName";
    public static final String REFERENCE_FILE = "fanout.reference.file";
    public static final String REFERENCE_S3_URI = "fanout.reference.s3Uri";
    public static final String REFERENCE_BUCKET = "fanout.reference.bucket";
    public static final String REFERENCE_KEY = "fanout.reference.key";
    public static final String REFERENCE_SCHEMA_FILE = "fanout.reference.schemaFile";
    public static final String REFERENCE_ROLE_ARN = "fanout.reference.roleArn";

    /** The S3 bucket the goals upload to: Lambda code (deploy-stack), the Flink jar and by default the reference file (create-app). */
    public static final String ARTIFACT_BUCKET = "fanout.artifactBucket";

    /** The stack outputs file deploy-stack writes and the application goals read. */
    public static final String STACK_OUTPUTS_FILE = "fanout.stackOutputsFile";

    /** deploy-stack's old name of {@link #STACK_OUTPUTS_FILE}, read with a warning. */
    public static final String OLD_OUTPUTS_FILE = "fanout.outputsFile";

    /** Prefix of the project properties deploy-stack sets to the stack outputs: {@code fanout.output.<Key>}. */
    public static final String STACK_OUTPUT_PREFIX = "fanout.output.";

    /** Prefix of the user properties that set template parameters: {@code -Dfanout.parameter.NAME=value}. */
    public static final String TEMPLATE_PARAMETER_PREFIX = "fanout.parameter.";

    private PropertyNames() {
    }
}
