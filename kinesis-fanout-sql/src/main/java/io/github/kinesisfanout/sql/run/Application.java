package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.plan.Planner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A compiled application: analyzed code plus the decoders of its inputs. Immutable and thread-safe. */
public final class Application implements CompiledApplication {

    private final AnalyzedApplication app;
    private final RecordDecoder[] decoders;
    private final RecordDecoder[] tableDecoders;
    private final boolean[] jsonTables;
    private final List<StreamDescription> streams;

    private Application(AnalyzedApplication app, RecordDecoder[] decoders, RecordDecoder[] tableDecoders,
            boolean[] jsonTables) {
        this.app = app;
        this.decoders = decoders;
        this.tableDecoders = tableDecoders;
        this.jsonTables = jsonTables;
        List<StreamDescription> out = new ArrayList<>();
        for (StreamDef s : app.streams()) {
            if (s.derived()) {
                continue;
            }
            out.add(new StreamDescription(s.name(), s.columns().stream()
                    .map(c -> new ColumnDescription(c.name(), c.type().toString())).toList()));
        }
        this.streams = List.copyOf(out);
    }

    /**
     * Binds an analyzed application to its inputs.
     *
     * @param app the analyzed application
     * @param inputs one spec per input stream, in input order
     * @param tables one spec per reference table, in the order of {@link AnalyzedApplication#tables()}
     * @throws IllegalArgumentException when an input's or a table's format or mapping cannot be used
     */
    public static Application of(AnalyzedApplication app, List<InputSpec> inputs, List<InputSpec> tables) {
        RecordDecoder[] decoders = decoders(inputs, "Input");
        RecordDecoder[] tableDecoders = decoders(tables, "Reference table");
        boolean[] json = new boolean[tables.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = "JSON".equalsIgnoreCase(tables.get(i).format());
        }
        return new Application(app, decoders, tableDecoders, json);
    }

    private static RecordDecoder[] decoders(List<InputSpec> specs, String what) {
        RecordDecoder[] decoders = new RecordDecoder[specs.size()];
        for (int i = 0; i < decoders.length; i++) {
            InputSpec in = specs.get(i);
            try {
                decoders[i] = Inputs.decoder(in.stream(), in.format(), in.recordRowPath(), in.mappings(),
                        in.rowDelimiter(), in.columnDelimiter());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + " " + (i + 1) + " (" + in.stream().name() + "): "
                        + e.getMessage(), e);
            }
        }
        return decoders;
    }

    /**
     * How the records of one input (or the object of one reference table) are decoded.
     *
     * @param stream the input stream, or the reference table
     * @param format JSON or CSV
     * @param recordRowPath the JSON row path
     * @param mappings the JSON mapping per column
     * @param rowDelimiter the CSV row delimiter
     * @param columnDelimiter the CSV column delimiter
     */
    public record InputSpec(StreamDef stream, String format, String recordRowPath, List<String> mappings,
            String rowDelimiter, String columnDelimiter) {
    }

    @Override
    public List<StreamDescription> streams() {
        return streams;
    }

    @Override
    public List<String> referenceTableNames() {
        return app.tables().stream().map(StreamDef::name).toList();
    }

    @Override
    public List<String> inputStreamNames() {
        return app.streams().stream().filter(s -> s.role() == StreamDef.Role.INPUT).map(StreamDef::name).toList();
    }

    @Override
    public RunningApplication start() {
        return start(Clock.systemUTC());
    }

    @Override
    public RunningApplication start(Clock clock) {
        return new Runtime(app, Planner.plan(app), decoders, new ReferenceTables(app.tables(), tableDecoders, jsonTables),
                clock);
    }

    @Override
    public OutputFormat outputFormat(String streamName, String recordFormatType) {
        StreamDescription stream = streams.stream().filter(s -> s.name().equals(streamName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No in-application stream \"" + streamName
                        + "\" (names match exactly, as stored)"));
        if ("JSON".equalsIgnoreCase(recordFormatType)) {
            return new JsonOutputFormat(stream.columns().stream().map(ColumnDescription::name).toList());
        }
        if ("CSV".equalsIgnoreCase(recordFormatType)) {
            return new CsvOutputFormat();
        }
        throw new IllegalArgumentException("Record format type '" + recordFormatType + "' is not supported: use JSON "
                + "or CSV");
    }
}
