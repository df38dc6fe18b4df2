package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.app.CreateAppOperation;
import io.github.kinesisfanout.operations.app.CreateAppRequest;
import io.github.kinesisfanout.operations.app.SchemaFile;
import io.github.kinesisfanout.operations.app.SqlCheck;
import io.github.kinesisfanout.operations.app.StackOutputs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Creates the Kinesis Analytics SQL application (or updates it when it changed), wired to the
 * input stream, role and output streams, by default from the deployed stack's outputs. The SQL is
 * compiled locally first, so errors show with their line and column.
 */
@Mojo(name = CreateAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class CreateAppMojo extends AbstractAppMojo {

    public static final String GOAL_NAME = "create-app";

    /** The application SQL. */
    @Parameter(property = "fanout.sqlFile", defaultValue = "${project.basedir}/src/main/sql/application.sql")
    protected File sqlFile;

    /** The input schema: a JSON array of {"Name", "SqlType", "Mapping"}. Ignored when columns is set. */
    @Parameter(property = "fanout.schemaFile", defaultValue = "${project.basedir}/src/main/schema/input-schema.json")
    protected File schemaFile;

    /** Inline input columns instead of schemaFile: NAME:SQLTYPE[:MAPPING],... */
    @Parameter(property = "fanout.columns")
    protected String columns;

    /** Record format of the input: JSON or CSV. */
    @Parameter(property = "fanout.recordFormat", defaultValue = "JSON")
    protected String recordFormat;

    /** JSON: the path of the rows in a record. */
    @Parameter(property = "fanout.recordRowPath", defaultValue = "$")
    protected String recordRowPath;

    /** CSV: the row delimiter (escapes such as \n are understood). */
    @Parameter(property = "fanout.rowDelimiter", defaultValue = "\\n")
    protected String rowDelimiter;

    /** CSV: the column delimiter. */
    @Parameter(property = "fanout.columnDelimiter", defaultValue = ",")
    protected String columnDelimiter;

    /** Prefix of the in-application input stream(s): PREFIX_001... */
    @Parameter(property = "fanout.namePrefix", defaultValue = "SOURCE_SQL_STREAM")
    protected String namePrefix;

    /** Number of in-application input streams (InputParallelism), 1 to 64. */
    @Parameter(property = "fanout.inputParallelism", defaultValue = "1")
    protected int inputParallelism;

    /** The input stream ARN. Unset: the stack output named by inputStreamArnOutput. */
    @Parameter(property = "fanout.inputStreamArn")
    protected String inputStreamArn;

    /** The stack output holding the input stream ARN. */
    @Parameter(property = "fanout.inputStreamArnOutput", defaultValue = "InputStreamArn")
    protected String inputStreamArnOutput;

    /** The role the application reads and writes with. Unset: the stack output named by roleArnOutput. */
    @Parameter(property = "fanout.roleArn")
    protected String roleArn;

    /** The stack output holding the role ARN. */
    @Parameter(property = "fanout.roleArnOutput", defaultValue = "ApplicationRoleArn")
    protected String roleArnOutput;

    /** The outputs: in-application stream name, Kinesis stream (name or ARN), format. */
    @Parameter
    protected List<ApplicationOutput> outputs;

    /** Outputs on the command line: NAME=STREAM[:FORMAT],... (added to outputs). */
    @Parameter(property = "fanout.outputs")
    protected String outputsSpec;

    /** The application description. */
    @Parameter(property = "fanout.applicationDescription")
    protected String applicationDescription;

    /** Delete and recreate an existing application instead of updating it. */
    @Parameter(property = "fanout.replace", defaultValue = "false")
    protected boolean replace;

    /** The stack outputs deploy-stack wrote. */
    @Parameter(property = "fanout.stackOutputsFile", defaultValue = "${project.build.directory}/kinesis-fanout/stack-outputs.json")
    protected File stackOutputsFile;

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
        StackOutputs stack = stackOutputs(stackOutputsFile, session.getUserProperties());
        String input = stack.resolve(inputStreamArn, "inputStreamArn", "fanout.inputStreamArn", inputStreamArnOutput,
                "fanout.inputStreamArnOutput");
        String role = stack.resolve(roleArn, "roleArn", "fanout.roleArn", roleArnOutput, "fanout.roleArnOutput");
        CreateAppRequest request = new CreateAppRequest(name, applicationDescription, sql, sqlFile.getPath(),
                namePrefix, inputParallelism, schema, input, role, targets(), replace);
        getLog().info(new CreateAppOperation(apps()).run(request));
    }

    private String readSql() {
        if (sqlFile == null || !sqlFile.isFile()) {
            throw HelpfulSuggestions.invalidParameter("sqlFile", "fanout.sqlFile", sqlFile, "no such file");
        }
        try {
            return Files.readString(sqlFile.toPath());
        } catch (IOException e) {
            throw new FanoutException("Cannot read the SQL file " + sqlFile + ": " + e.getMessage(), e);
        }
    }

    private SourceSchema schema() {
        List<RecordColumn> recordColumns;
        if (columns != null && !columns.isBlank()) {
            recordColumns = SchemaFile.parseInline(columns);
        } else if (schemaFile != null && schemaFile.isFile()) {
            recordColumns = SchemaFile.read(schemaFile.toPath());
        } else {
            throw HelpfulSuggestions.invalidParameter("schemaFile", "fanout.schemaFile", schemaFile,
                    "no such file (or pass the columns inline: -Dfanout.columns=ID:INTEGER:$.ID,...)");
        }
        String format = recordFormat.trim().toUpperCase(java.util.Locale.ROOT);
        SourceSchema.Builder schema = SourceSchema.builder().recordEncoding("UTF-8").recordColumns(recordColumns);
        if ("CSV".equals(format)) {
            return schema.recordFormat(f -> f.recordFormatType("CSV").mappingParameters(m -> m.csvMappingParameters(c -> c
                    .recordRowDelimiter(unescape(rowDelimiter)).recordColumnDelimiter(unescape(columnDelimiter))))).build();
        }
        if (!"JSON".equals(format)) {
            throw HelpfulSuggestions.invalidParameter("recordFormat", "fanout.recordFormat", recordFormat, "it must be JSON or CSV");
        }
        return schema.recordFormat(f -> f.recordFormatType("JSON")
                .mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath(recordRowPath)))).build();
    }

    private List<CreateAppRequest.OutputTarget> targets() {
        List<ApplicationOutput> all = new ArrayList<>(outputs == null ? List.of() : outputs);
        if (outputsSpec != null && !outputsSpec.isBlank()) {
            for (String entry : outputsSpec.split(",")) {
                String[] nameAndStream = entry.trim().split("=", 2);
                if (nameAndStream.length != 2) {
                    throw HelpfulSuggestions.invalidParameter("outputs", "fanout.outputs", entry, "entries are NAME=STREAM[:FORMAT]");
                }
                ApplicationOutput output = new ApplicationOutput();
                output.name = nameAndStream[0].trim();
                String stream = nameAndStream[1].trim();
                int colon = stream.lastIndexOf(':');
                if (colon > 0 && stream.substring(colon + 1).matches("(?i)JSON|CSV")) {
                    output.format = stream.substring(colon + 1).toUpperCase(java.util.Locale.ROOT);
                    stream = stream.substring(0, colon);
                }
                output.stream = stream;
                all.add(output);
            }
        }
        if (all.isEmpty()) {
            getLog().warn("No outputs configured: the application's rows go nowhere (add <outputs> or -Dfanout.outputs=NAME=STREAM)");
        }
        List<CreateAppRequest.OutputTarget> targets = new ArrayList<>();
        for (ApplicationOutput output : all) {
            String stream = require(output.stream, "outputs.stream", "STREAM");
            String arn = stream.startsWith("arn:") ? stream : clients().kinesis()
                    .describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamARN();
            targets.add(new CreateAppRequest.OutputTarget(require(output.name, "outputs.name", "NAME"), arn,
                    output.format == null ? "JSON" : output.format.toUpperCase(java.util.Locale.ROOT)));
        }
        return targets;
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }
}
