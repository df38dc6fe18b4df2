package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the Kinesis sink table of each mapped stream, and error_stream's rows for malformed JSON records. */
final class SinkWriter {

    private final Context ctx;
    private final Script script;

    SinkWriter(Context ctx, Script script) {
        this.ctx = ctx;
        this.script = script;
    }

    void write(StreamDef stream, String format, boolean read) {
        String type = format == null ? "" : format.toUpperCase(Locale.ROOT);
        if (!type.equals("JSON") && !type.equals("CSV")) {
            throw new IllegalArgumentException("Output \"" + stream.name() + "\": record format type '" + format
                    + "' is not supported: use JSON or CSV");
        }
        List<String> columns = new ArrayList<>();
        boolean timestamps = false;
        for (StreamDef.ColumnDef c : stream.columns()) {
            columns.add("  " + Sql.id(c.name()) + " " + Sql.type(c.type()));
            timestamps |= c.type().kind() == SqlType.Kind.TIMESTAMP || c.type().kind() == SqlType.Kind.TIME;
        }
        String table = read ? Names.sinkOfReadStream(stream.name()) : stream.name();
        script.table("KDA output " + stream.name() + " (" + type + "): the Kinesis sink", "CREATE TABLE "
                + Sql.id(table) + " (\n" + String.join(",\n", columns) + "\n"
                + ConnectorOptions.with(ConnectorOptions.sink(ctx.settings.legacy(), stream.name()),
                        ConnectorOptions.format(type, false, ",")));
        String difference = "at-least-once: records written since the last checkpoint are written again after a restart";
        if (timestamps) {
            difference += "; TIMESTAMP and TIME values are written without trailing zero milliseconds";
        }
        if (type.equals("CSV")) {
            difference += "; text is quoted by Flink's csv rules";
        }
        ctx.construct(stream.pos(), "output " + stream.name() + " (" + type + ")",
                "CREATE TABLE on the kinesis connector, format " + type.toLowerCase(Locale.ROOT), difference);
    }

    /** Malformed JSON records of each input read as text, as KDA's Parse_Error rows (the engine's seven columns). */
    void parseErrors(List<FlinkTranslator.Input> inputs) {
        List<String> seen = new ArrayList<>();
        for (FlinkTranslator.Input input : inputs) {
            if (!"JSON".equalsIgnoreCase(input.format()) || seen.contains(input.namePrefix())) {
                continue;
            }
            seen.add(input.namePrefix());
            String query = "SELECT\n"
                    + "  CAST(CURRENT_ROW_TIMESTAMP() AS TIMESTAMP(3)) AS `ERROR_TIME`,\n"
                    + "  'ERROR' AS `ERROR_LEVEL`,\n"
                    + "  'Parse_Error' AS `ERROR_NAME`,\n"
                    + "  'Malformed JSON record' AS `MESSAGE`,\n"
                    + "  CAST(" + Sql.id(Names.ROWTIME) + " AS TIMESTAMP(3)) AS `DATA_ROWTIME`,\n"
                    + "  UPPER(HEX(" + Sql.id(Names.RAW) + ")) AS `DATA_ROW`,\n"
                    + "  CAST(NULL AS VARCHAR(128)) AS `PUMP_NAME`\n"
                    + "FROM " + Sql.id(Names.sourceTable(input.namePrefix())) + "\n"
                    + "WHERE " + Sql.id(Names.RAW) + " IS NOT JSON OBJECT";
            script.insert("KDA error_stream: malformed records of input " + input.namePrefix(), StreamDef.ERROR_STREAM,
                    query);
            ctx.construct(null, "error_stream", "raw source split by IS JSON OBJECT into the error_stream sink",
                    "only Parse_Error (malformed JSON) is reported; values that do not convert become NULL, and failing "
                    + "expressions fail the job");
        }
    }
}
