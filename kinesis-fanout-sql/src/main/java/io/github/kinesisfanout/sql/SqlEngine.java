package io.github.kinesisfanout.sql;

import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.ApplicationAnalyzer;
import io.github.kinesisfanout.sql.analyze.SemanticError;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.flink.FlinkTranslator;
import io.github.kinesisfanout.sql.flink.TranslationRefused;
import io.github.kinesisfanout.sql.parse.ParseError;
import io.github.kinesisfanout.sql.parse.ParsedApplication;
import io.github.kinesisfanout.sql.parse.StatementParser;
import io.github.kinesisfanout.sql.parse.TypeParser;
import io.github.kinesisfanout.sql.run.Application;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of the engine: compiles application code against its input schemas.
 *
 * <p>The in-application input streams are created from the schemas ({@code "SOURCE_SQL_STREAM_001"}
 * for the first input with prefix {@code SOURCE_SQL_STREAM}), then the statements run in order.
 */
public final class SqlEngine {

    private SqlEngine() {
    }

    /**
     * Compiles application code.
     *
     * @param applicationCode the statements, separated by {@code ;}
     * @param inputs the application inputs, in order (at most one for Kinesis Analytics v1); an input
     *     with {@link InputSchema#parallelism()} N makes the streams {@code PREFIX_001} to {@code PREFIX_00N}
     *     (N consecutive copies of a schema with parallelism 1 do the same)
     * @return the compiled application, ready to be started
     * @throws SqlCompilationException with every error found, each with its line and column
     * @throws IllegalArgumentException when an input schema is unusable (unknown type, bad mapping,
     *     duplicate name prefix), naming the input and column
     */
    public static CompiledApplication compile(String applicationCode, List<InputSchema> inputs) {
        return compile(applicationCode, inputs, List.of());
    }

    /**
     * Compiles application code that may join its streams with reference tables.
     *
     * @param applicationCode the statements, separated by {@code ;}
     * @param inputs the application inputs, as for {@link #compile(String, List)}
     * @param references the reference tables (at most one in Kinesis Analytics v1); their rows are loaded into
     *     a running instance with {@link RunningApplication#loadReference}
     * @return the compiled application, ready to be started
     * @throws SqlCompilationException with every error found, each with its line and column
     * @throws IllegalArgumentException when an input or reference schema is unusable, naming it and the column
     */
    public static CompiledApplication compile(String applicationCode, List<InputSchema> inputs,
            List<ReferenceTable> references) {
        List<InputSchema> schemas = perStream(inputs);
        List<StreamDef> streams = inputStreams(schemas);
        List<StreamDef> tables = tables(references, streams);
        AnalyzedApplication app = analyze(applicationCode, streams, tables);
        List<Application.InputSpec> specs = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            specs.add(spec(streams.get(i), schemas.get(i)));
        }
        List<Application.InputSpec> tableSpecs = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            tableSpecs.add(spec(tables.get(i), references.get(i).schema()));
        }
        return Application.of(app, specs, tableSpecs);
    }

    private static Application.InputSpec spec(StreamDef stream, InputSchema schema) {
        InputSchema.RecordFormat format = schema.format();
        return new Application.InputSpec(stream, format.type(), format.recordRowPath(),
                schema.columns().stream().map(InputSchema.Column::mapping).toList(),
                format.recordRowDelimiter(), format.recordColumnDelimiter());
    }

    /**
     * Translates application code to one Flink SQL script: a Kinesis source table per input, a sink table per
     * mapped output, a view per intermediate stream, and every pump as an INSERT of one statement set.
     *
     * @param applicationCode the statements, as for {@link #compile}
     * @param inputs the application inputs, as for {@link #compile}
     * @param outputs the in-application streams written to Kinesis streams (error_stream included)
     * @param options the connector generation, what ROWTIME becomes, whether approximations are allowed
     * @return the script, the table of what each construct became, and the warnings of approximations
     * @throws SqlCompilationException when the code does not compile, or with the line and column of each
     *     construct that has no faithful Flink equivalent
     * @throws IllegalArgumentException for an unusable input schema or output
     */
    public static FlinkTranslation translateToFlink(String applicationCode, List<InputSchema> inputs,
            List<FlinkOutput> outputs, FlinkOptions options) {
        return translateToFlink(applicationCode, inputs, List.of(), outputs, options);
    }

    /**
     * Translates application code that may join its streams with reference tables to Flink SQL; a join with a
     * reference table is refused at its line and column (not supported on Flink yet).
     *
     * @param references the reference tables, as for {@link #compile(String, List, List)}
     * @see #translateToFlink(String, List, List, FlinkOptions)
     */
    public static FlinkTranslation translateToFlink(String applicationCode, List<InputSchema> inputs,
            List<ReferenceTable> references, List<FlinkOutput> outputs, FlinkOptions options) {
        List<InputSchema> schemas = perStream(inputs);
        FlinkOptions o = options == null ? FlinkOptions.defaults() : options;
        List<StreamDef> streams = inputStreams(schemas);
        AnalyzedApplication app = analyze(applicationCode, streams, tables(references, streams));
        List<FlinkTranslator.Input> in = new ArrayList<>();
        for (int i = 0; i < schemas.size(); i++) {
            InputSchema schema = schemas.get(i);
            InputSchema.RecordFormat format = schema.format();
            in.add(new FlinkTranslator.Input(streams.get(i), schema.namePrefix(), format.type(), format.recordRowPath(),
                    schema.columns().stream().map(InputSchema.Column::mapping).toList(),
                    format.recordRowDelimiter(), format.recordColumnDelimiter()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (FlinkOutput output : outputs) {
            if (out.put(output.streamName(), output.recordFormatType()) != null) {
                throw new IllegalArgumentException("Output \"" + output.streamName() + "\" is mapped twice");
            }
        }
        FlinkTranslator.Result result;
        try {
            result = FlinkTranslator.translate(app, in, out, new FlinkTranslator.Settings(
                    o.connector() == FlinkConnector.KINESIS_4, o.rowtime() == FlinkRowtime.ARRIVAL_TIME,
                    o.allowApproximations()));
        } catch (TranslationRefused e) {
            throw new SqlCompilationException(e.errors().stream()
                    .map(x -> new SqlError(x.pos().line(), x.pos().column(), x.getMessage())).toList());
        }
        return new FlinkTranslation(result.script(), result.constructs().stream()
                .map(c -> new FlinkConstruct(c.pos().line(), c.pos().column(), c.kda(), c.flink(), c.difference()))
                .toList(), result.warnings());
    }

    /** Parses and analyzes the code: the one analysis both the engine and the Flink translation use. */
    private static AnalyzedApplication analyze(String applicationCode, List<StreamDef> streams,
            List<StreamDef> tables) {
        ParsedApplication parsed = StatementParser.parse(applicationCode == null ? "" : applicationCode);
        List<SqlError> errors = new ArrayList<>();
        for (ParseError e : parsed.errors()) {
            errors.add(new SqlError(e.pos().line(), e.pos().column(), e.getMessage()));
        }
        List<SemanticError> semantic = new ArrayList<>();
        AnalyzedApplication app = ApplicationAnalyzer.analyze(parsed, streams, tables, semantic);
        for (SemanticError e : semantic) {
            errors.add(new SqlError(e.pos().line(), e.pos().column(), e.getMessage(), e.unknownSource()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(SqlError::line).thenComparingInt(SqlError::column));
            throw new SqlCompilationException(errors);
        }
        return app;
    }

    /** One schema per in-application input stream: an input with parallelism N becomes N copies of parallelism 1. */
    private static List<InputSchema> perStream(List<InputSchema> inputs) {
        List<InputSchema> out = new ArrayList<>();
        for (InputSchema input : inputs) {
            for (int i = 0; i < input.parallelism(); i++) {
                out.add(input.withParallelism(1));
            }
        }
        return out;
    }

    private static List<StreamDef> inputStreams(List<InputSchema> inputs) {
        List<StreamDef> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSchema schema = inputs.get(i);
            // Input parallelism N: the same schema N times in a row makes PREFIX_001 .. PREFIX_00N.
            int ordinal = i > 0 && inputs.get(i - 1).namePrefix().equals(schema.namePrefix())
                    ? Integer.parseInt(streams.get(i - 1).name().substring(schema.namePrefix().length() + 1)) + 1 : 1;
            String name = String.format("%s_%03d", schema.namePrefix(), ordinal);
            if (!names.add(name)) {
                throw new IllegalArgumentException("Input " + (i + 1) + ": name prefix '" + schema.namePrefix()
                        + "' is used by another input");
            }
            if (schema.encoding() != null && !schema.encoding().equalsIgnoreCase("UTF-8")) {
                throw new IllegalArgumentException("Input " + (i + 1) + ": record encoding '" + schema.encoding()
                        + "' is not supported: only UTF-8");
            }
            streams.add(new StreamDef(name, columns(schema, "Input " + (i + 1)), StreamDef.Role.INPUT, i));
        }
        return streams;
    }

    private static List<StreamDef> tables(List<ReferenceTable> references, List<StreamDef> inputs) {
        List<StreamDef> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        inputs.forEach(s -> names.add(s.name()));
        names.add(StreamDef.ERROR_STREAM);
        for (int i = 0; i < references.size(); i++) {
            ReferenceTable table = references.get(i);
            String what = "Reference table " + (i + 1) + " (\"" + table.tableName() + "\")";
            if (table.tableName() == null || table.tableName().isEmpty()) {
                throw new IllegalArgumentException("Reference table " + (i + 1) + ": the table name is empty");
            }
            if (!names.add(table.tableName())) {
                throw new IllegalArgumentException(what + ": the name is already used by an input stream or another "
                        + "table");
            }
            InputSchema schema = table.schema();
            if (schema.encoding() != null && !schema.encoding().equalsIgnoreCase("UTF-8")) {
                throw new IllegalArgumentException(what + ": record encoding '" + schema.encoding()
                        + "' is not supported: only UTF-8");
            }
            tables.add(new StreamDef(table.tableName(), columns(schema, what), StreamDef.Role.REFERENCE, i));
        }
        return tables;
    }

    private static List<StreamDef.ColumnDef> columns(InputSchema schema, String what) {
        List<StreamDef.ColumnDef> columns = new ArrayList<>();
        Set<String> columnNames = new HashSet<>();
        for (InputSchema.Column column : schema.columns()) {
            if (!columnNames.add(column.name())) {
                throw new IllegalArgumentException(what + ": column '" + column.name() + "' is declared twice");
            }
            SqlType type;
            try {
                type = TypeParser.parse(column.sqlType());
            } catch (ParseError e) {
                throw new IllegalArgumentException(what + ": column '" + column.name() + "' has SQL "
                        + "type '" + column.sqlType() + "': " + e.getMessage(), e);
            }
            columns.add(new StreamDef.ColumnDef(column.name(), type, false));
        }
        return List.copyOf(columns);
    }
}
