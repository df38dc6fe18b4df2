package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.OutputMapping;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.app.SchemaFile;
import io.github.kinesisfanout.operations.app.StackOutputs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * The parameters that describe a fan-out application (its SQL, input schema, input stream and
 * outputs mapping), shared by create-app and the Flink goals so one configuration serves both engines.
 */
public abstract class AbstractApplicationSourceMojo extends AbstractAppMojo {

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

    /**
     * The outputs mapping, the one verify-fanout reads too (declare it once, in the plugin's
     * {@code <configuration>}): in-application stream name, Kinesis stream (name or ARN), format
     * (JSON or CSV) and the consumer function verify-fanout checks.
     */
    @Parameter
    protected List<ApplicationOutput> outputs;

    /** Outputs on the command line, added to outputs: NAME=STREAM[:FORMAT][@FUNCTION],... */
    @Parameter(property = "fanout.outputs")
    protected String outputsSpec;

    /** The stack outputs deploy-stack wrote. */
    @Parameter(property = "fanout.stackOutputsFile", defaultValue = "${project.build.directory}/kinesis-fanout/stack-outputs.json")
    protected File stackOutputsFile;

    /** The application SQL text, or the fix-it failure when the file is missing. */
    protected final String readSql() {
        if (sqlFile == null || !sqlFile.isFile()) {
            throw HelpfulSuggestions.invalidParameter("sqlFile", PropertyNames.SQL_FILE, sqlFile, "no such file");
        }
        try {
            return Files.readString(sqlFile.toPath());
        } catch (IOException e) {
            throw new FanoutException("Cannot read the SQL file " + sqlFile + ": " + e.getMessage(), e);
        }
    }

    /** The input schema from columns or schemaFile, with the record format and its mapping parameters. */
    protected final SourceSchema schema() {
        List<RecordColumn> recordColumns;
        if (columns != null && !columns.isBlank()) {
            recordColumns = SchemaFile.parseInline(columns);
        } else if (schemaFile != null && schemaFile.isFile()) {
            recordColumns = SchemaFile.read(schemaFile.toPath());
        } else {
            throw HelpfulSuggestions.invalidParameter("schemaFile", PropertyNames.SCHEMA_FILE, schemaFile,
                    "no such file (or pass the columns inline: -Dfanout.columns=ID:INTEGER:$.ID,...)");
        }
        String format = recordFormat.trim().toUpperCase(Locale.ROOT);
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

    /** The stack outputs of this build: project properties, the command line, then the outputs file. */
    protected final StackOutputs stack() {
        return stackOutputs(stackOutputsFile, session.getUserProperties());
    }

    /** The input stream ARN: inputStreamArn, else the stack output named by inputStreamArnOutput. */
    protected final String inputStreamArn(StackOutputs stack) {
        return stack.resolve(inputStreamArn, "inputStreamArn", PropertyNames.INPUT_STREAM_ARN,
                inputStreamArnOutput, PropertyNames.INPUT_STREAM_ARN_OUTPUT);
    }

    /** The outputs of the configuration and of outputsSpec, in that order, checked and trimmed. */
    protected final List<ApplicationOutput> configuredOutputs() {
        List<ApplicationOutput> all = OutputMapping.configured(outputs).plus(outputsSpec, PropertyNames.OUTPUTS).outputs();
        if (all.isEmpty()) {
            getLog().warn("No outputs configured: the application's rows go nowhere (add <outputs> or -D" + PropertyNames.OUTPUTS + "="
                    + OutputMapping.SYNTAX + ")");
        }
        return all;
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }
}
