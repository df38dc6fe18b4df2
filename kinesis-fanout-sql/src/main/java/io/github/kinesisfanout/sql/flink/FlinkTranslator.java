package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.AnalyzedApplication;
import io.github.kinesisfanout.sql.analyze.PumpDef;
import io.github.kinesisfanout.sql.analyze.SemanticError;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.parse.SourcePos;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Translates an analyzed application to one Flink SQL script (text only: no Flink dependency). */
public final class FlinkTranslator {

    /**
     * One in-application input stream and how its records are read.
     *
     * @param stream the input stream
     * @param namePrefix the input's name prefix (streams of one input share it: input parallelism)
     * @param format {@code JSON} or {@code CSV}
     * @param recordRowPath the JSON row path
     * @param mappings the JSON mapping per column
     * @param rowDelimiter the CSV row delimiter
     * @param columnDelimiter the CSV column delimiter
     */
    public record Input(StreamDef stream, String namePrefix, String format, String recordRowPath, List<String> mappings,
            String rowDelimiter, String columnDelimiter) {
    }

    /**
     * How to translate.
     *
     * @param legacy the legacy flink-connector-kinesis 4.x option names (else the 5.x names)
     * @param arrivalTime ROWTIME is the Kinesis arrival time as event time (else processing time)
     * @param allowApproximations translate constructs whose nearest equivalent differs, with a warning
     */
    public record Settings(boolean legacy, boolean arrivalTime, boolean allowApproximations) {
    }

    /**
     * A construct and what it became.
     *
     * @param pos where it is in the code; line 0 for the input schema and outputs
     * @param kda the KDA construct
     * @param flink the Flink construct
     * @param difference a semantic difference, or null
     */
    public record Construct(SourcePos pos, String kda, String flink, String difference) {
    }

    /**
     * The translation.
     *
     * @param script the Flink SQL script
     * @param constructs what each construct became
     * @param warnings the approximations made
     */
    public record Result(String script, List<Construct> constructs, List<String> warnings) {
    }

    private FlinkTranslator() {
    }

    /**
     * Translates an application.
     *
     * @param outputs the mapped streams (as stored) and their record format ({@code JSON} or {@code CSV}), in order
     * @throws TranslationRefused with every construct that has no faithful Flink equivalent
     * @throws IllegalArgumentException for an unusable input schema or output
     */
    public static Result translate(AnalyzedApplication app, List<Input> inputs, Map<String, String> outputs,
            Settings settings) {
        Context ctx = new Context(app, settings);
        Script script = new Script();
        boolean errorMapped = outputs.containsKey(StreamDef.ERROR_STREAM);
        for (List<Input> copies : byPrefix(inputs)) {
            boolean raw = errorMapped && "JSON".equalsIgnoreCase(copies.get(0).format());
            new SourceWriter(ctx, script).write(copies, raw);
        }
        Set<String> read = new HashSet<>();
        Set<String> plainRowtime = new HashSet<>();
        for (PumpDef p : app.pumps()) {
            p.queries().forEach(q -> read.add(q.source().name()));
            if (p.queries().stream().anyMatch(q -> q.rowtime() != null)) {
                plainRowtime.add(p.target().name());
            }
        }
        SinkWriter sinks = new SinkWriter(ctx, script);
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            StreamDef stream = stream(app, output.getKey());
            sinks.write(stream, output.getValue(), read.contains(stream.name()));
        }
        PumpWriter pumps = new PumpWriter(ctx, script, plainRowtime);
        for (StreamDef stream : viewOrder(app, read)) {
            views(ctx, app, script, pumps, stream, outputs.containsKey(stream.name()));
        }
        for (StreamDef stream : app.streams()) {
            if (stream.role() != StreamDef.Role.CREATED || read.contains(stream.name())) {
                continue;
            }
            List<PumpDef> into = app.pumps().stream().filter(p -> p.target() == stream).toList();
            for (PumpDef pump : into) {
                if (outputs.containsKey(stream.name())) {
                    ctx.construct(pump.pos(), "pump " + pump.name(), "INSERT INTO (one statement set)", null);
                    script.insert("KDA line " + PumpWriter.line(pump.pos()) + ": pump " + pump.name(), stream.name(),
                            pumps.query(pump, false));
                } else {
                    ctx.construct(pump.pos(), "pump " + pump.name(), "not translated",
                            "stream \"" + stream.name() + "\" is neither read nor mapped to an output, so its rows go nowhere");
                }
            }
        }
        if (errorMapped) {
            sinks.parseErrors(inputs);
        }
        if (!ctx.errors.isEmpty()) {
            List<SemanticError> errors = new ArrayList<>(ctx.errors);
            errors.sort(Comparator.comparingInt((SemanticError e) -> e.pos().line()).thenComparingInt(e -> e.pos().column()));
            throw new TranslationRefused(errors);
        }
        List<String> functions = ctx.udfs.stream().map(Udf::declaration).toList();
        return new Result(script.render(functions), List.copyOf(ctx.constructs), List.copyOf(ctx.warnings));
    }

    private static String hiddenPump(AnalyzedApplication app, StreamDef stream) {
        return app.pumps().stream().filter(p -> p.target() == stream).map(PumpDef::name).findFirst().orElse("?");
    }

    private static void views(Context ctx, AnalyzedApplication app, Script script, PumpWriter pumps, StreamDef stream,
            boolean mapped) {
        List<String> queries = new ArrayList<>();
        for (PumpDef pump : app.pumps()) {
            if (pump.target() == stream) {
                queries.add(pumps.query(pump, true));
            }
        }
        if (queries.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (StreamDef.ColumnDef c : stream.columns()) {
                items.add("  CAST(NULL AS " + Sql.type(c.type()) + ") AS " + Sql.id(c.name()));
            }
            items.add("  CAST(NULL AS TIMESTAMP(3)) AS " + Sql.id(Names.ROWTIME));
            queries.add("SELECT\n" + String.join(",\n", items) + "\nFROM (VALUES (1))\nWHERE FALSE");
        }
        String label = "CREATE STREAM " + stream.name();
        if (stream.derived()) {
            label = "sub-query in FROM of pump " + hiddenPump(app, stream);
            ctx.construct(stream.pos(), "sub-query in FROM", "CREATE TEMPORARY VIEW " + stream.name(), null);
        }
        script.view("KDA line " + PumpWriter.line(stream.pos()) + ": " + label, stream.name(),
                String.join("\nUNION ALL\n", queries));
        if (mapped) {
            List<String> columns = stream.columns().stream().map(c -> "  " + Sql.id(c.name())).toList();
            script.insert("KDA output " + stream.name(), Names.sinkOfReadStream(stream.name()),
                    "SELECT\n" + String.join(",\n", columns) + "\nFROM " + Sql.id(stream.name()));
        }
    }

    /** Created streams that pumps read, each after the streams its own pumps read. */
    private static List<StreamDef> viewOrder(AnalyzedApplication app, Set<String> read) {
        Set<StreamDef> ordered = new LinkedHashSet<>();
        for (StreamDef s : app.streams()) {
            if (s.role() == StreamDef.Role.CREATED && read.contains(s.name())) {
                visit(app, s, ordered);
            }
        }
        return new ArrayList<>(ordered);
    }

    private static void visit(AnalyzedApplication app, StreamDef s, Set<StreamDef> ordered) {
        if (ordered.contains(s)) {
            return;
        }
        for (PumpDef p : app.pumps()) {
            if (p.target() == s) {
                p.queries().stream().map(PumpDef.QueryDef::source).filter(src -> src.role() == StreamDef.Role.CREATED)
                        .forEach(src -> visit(app, src, ordered));
            }
        }
        ordered.add(s);
    }

    private static StreamDef stream(AnalyzedApplication app, String name) {
        for (StreamDef s : app.streams()) {
            if (s.name().equals(name) && s.role() != StreamDef.Role.INPUT) {
                return s;
            }
        }
        throw new IllegalArgumentException("Output \"" + name + "\" is not a stream the application creates (names "
                + "match exactly, as stored) nor error_stream");
    }

    private static List<List<Input>> byPrefix(List<Input> inputs) {
        List<List<Input>> groups = new ArrayList<>();
        for (Input in : inputs) {
            if (!groups.isEmpty() && groups.get(groups.size() - 1).get(0).namePrefix().equals(in.namePrefix())) {
                groups.get(groups.size() - 1).add(in);
            } else {
                groups.add(new ArrayList<>(List.of(in)));
            }
        }
        return groups;
    }
}
