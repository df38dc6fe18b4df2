package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.type.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an application input: one Kinesis source table, and per in-application input stream a view
 * that names and types the columns as the input schema does (text cut to its length, as KDA does).
 */
final class SourceWriter {

    private final Context ctx;
    private final Script script;

    SourceWriter(Context ctx, Script script) {
        this.ctx = ctx;
        this.script = script;
    }

    /**
     * Writes one input.
     *
     * @param copies the input's streams, PREFIX_001 to PREFIX_00N (N is the input parallelism)
     * @param raw whether records are read as text (to route malformed JSON to error_stream)
     */
    void write(List<FlinkTranslator.Input> copies, boolean raw) {
        FlinkTranslator.Input input = copies.get(0);
        boolean csv = "CSV".equalsIgnoreCase(input.format());
        if (!csv && !"JSON".equalsIgnoreCase(input.format())) {
            throw new IllegalArgumentException("Input " + input.stream().name() + ": record format '" + input.format()
                    + "' is not supported: use JSON or CSV");
        }
        String table = Names.sourceTable(input.namePrefix());
        List<String> columns = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        if (raw) {
            columns.add("  " + Sql.id(Names.RAW) + " STRING");
            jsonValues(input, selects);
        } else if (csv) {
            csvColumns(input, columns, selects);
        } else {
            jsonColumns(input, table, columns, selects);
        }
        columns.add("  " + Sql.id(Names.ARRIVAL) + " TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL");
        if (copies.size() > 1) {
            columns.add("  " + Sql.id(Names.SHARD_ID) + " VARCHAR(128) METADATA FROM 'shard-id' VIRTUAL");
        }
        if (ctx.settings.arrivalTime()) {
            // Flink reads one metadata key into one column only: ROWTIME is computed from the arrival time.
            columns.add("  " + Sql.id(Names.ROWTIME) + " AS " + Sql.id(Names.ARRIVAL));
            columns.add("  WATERMARK FOR " + Sql.id(Names.ROWTIME) + " AS " + Sql.id(Names.ROWTIME));
        } else {
            columns.add("  " + Sql.id(Names.ROWTIME) + " AS PROCTIME()");
        }
        List<String[]> format = ConnectorOptions.format(raw ? "RAW" : input.format(), true, input.columnDelimiter());
        script.table("KDA input " + input.namePrefix() + " (" + input.format().toUpperCase(java.util.Locale.ROOT)
                + (copies.size() > 1 ? ", parallelism " + copies.size() : "") + "): the Kinesis source",
                "CREATE TABLE " + Sql.id(table) + " (\n" + String.join(",\n", columns) + "\n"
                + ConnectorOptions.with(ConnectorOptions.source(ctx.settings.legacy()), format));
        selects.add("  " + Sql.id(Names.ARRIVAL));
        selects.add("  " + Sql.id(Names.ROWTIME));
        for (int k = 0; k < copies.size(); k++) {
            StringBuilder query = new StringBuilder("SELECT\n" + String.join(",\n", selects) + "\nFROM " + Sql.id(table));
            List<String> where = new ArrayList<>();
            if (raw) {
                where.add(Sql.id(Names.RAW) + " IS JSON OBJECT");
            }
            if (copies.size() > 1) {
                // KDA gives each shard to one of the N streams: shard number modulo N, as the local cloud does.
                where.add("MOD(CAST(SUBSTRING(" + Sql.id(Names.SHARD_ID) + " FROM 9) AS BIGINT), " + copies.size()
                        + ") = " + k);
            }
            if (!where.isEmpty()) {
                query.append("\nWHERE ").append(String.join(" AND ", where));
            }
            script.view("KDA input stream " + copies.get(k).stream().name(), copies.get(k).stream().name(),
                    query.toString());
        }
        construct(copies, raw, csv);
    }

    private void construct(List<FlinkTranslator.Input> copies, boolean raw, boolean csv) {
        FlinkTranslator.Input input = copies.get(0);
        ctx.construct(null, "input " + input.namePrefix() + " (" + input.format() + ")",
                "CREATE TABLE on the kinesis connector, format " + (raw ? "raw read with JSON_VALUE" : csv ? "csv" : "json")
                        + ", and a view per input stream",
                raw ? "a value that does not convert to its column type is NULL (KDA: a Coercion_Error row)"
                        : csv ? "one row per Kinesis record; a field that does not convert is NULL (KDA: a "
                        + "Coercion_Error row)" : "a malformed record or a value that does not convert drops the "
                        + "record (KDA: an error_stream row); map error_stream to an output to report malformed records");
        if (copies.size() > 1) {
            ctx.construct(null, "InputParallelism " + copies.size(), "one source table; view k keeps the shards whose "
                    + "number modulo " + copies.size() + " is k - 1", "Flink's own source parallelism is unrelated");
        }
        ctx.construct(null, "ROWTIME", ctx.settings.arrivalTime() ? "the Kinesis arrival time (METADATA 'timestamp') "
                + "as event time, WATERMARK FOR ROWTIME AS ROWTIME" : "PROCTIME()", ctx.settings.arrivalTime()
                ? "rows arriving after the watermark are dropped (KDA: Late_Row); an idle shard holds windows open"
                : "processing time is not replayable: a rerun gives other windows");
    }

    private static String leafType(SqlType t) {
        return t.isCharacter() ? "STRING" : Sql.type(t);
    }

    private static String typed(String value, StreamDef.ColumnDef c) {
        return c.type().isCharacter() ? "CAST(" + value + " AS " + Sql.type(c.type()) + ")" : value;
    }

    private static String as(String value, String name) {
        return value.equals(Sql.id(name)) ? "  " + value : "  " + value + " AS " + Sql.id(name);
    }

    private static void csvColumns(FlinkTranslator.Input input, List<String> columns, List<String> selects) {
        if (input.columnDelimiter() != null && input.columnDelimiter().length() != 1) {
            throw new IllegalArgumentException("Input " + input.stream().name() + ": RecordColumnDelimiter '"
                    + input.columnDelimiter() + "' is not translated: Flink's csv format takes one character");
        }
        for (StreamDef.ColumnDef c : input.stream().columns()) {
            columns.add("  " + Sql.id(c.name()) + " " + leafType(c.type()));
            selects.add(as(typed(Sql.id(c.name()), c), c.name()));
        }
    }

    private static List<MemberPath> paths(FlinkTranslator.Input input) {
        MemberPath row = MemberPath.parse(input.recordRowPath() == null ? "$" : input.recordRowPath(), "RecordRowPath");
        if (row.array()) {
            throw new IllegalArgumentException("Input " + input.stream().name() + ": RecordRowPath '"
                    + input.recordRowPath() + "' (one row per array element) is not translated to Flink SQL: use $ "
                    + "or a member path");
        }
        List<MemberPath> out = new ArrayList<>();
        List<StreamDef.ColumnDef> columns = input.stream().columns();
        for (int i = 0; i < columns.size(); i++) {
            String mapping = input.mappings().get(i);
            MemberPath p = MemberPath.parse(mapping == null ? "$." + columns.get(i).name() : mapping, "Mapping");
            List<String> members = new ArrayList<>(row.members());
            members.addAll(p.members());
            out.add(new MemberPath(members, p.array()));
        }
        return out;
    }

    private static void jsonValues(FlinkTranslator.Input input, List<String> selects) {
        List<MemberPath> paths = paths(input);
        for (int i = 0; i < paths.size(); i++) {
            StreamDef.ColumnDef c = input.stream().columns().get(i);
            MemberPath p = paths.get(i);
            String path = Sql.str(p.jsonPath());
            String value = p.array() ? "JSON_QUERY(" + Sql.id(Names.RAW) + ", " + path + ")"
                    : "JSON_VALUE(" + Sql.id(Names.RAW) + ", " + path + ")";
            selects.add(as(c.type().isCharacter() ? typed(value, c)
                    : "TRY_CAST(" + value + " AS " + Sql.type(c.type()) + ")", c.name()));
        }
    }

    /** Physical columns follow the JSON layout (nested members as ROW types); the view reads each mapping. */
    private static void jsonColumns(FlinkTranslator.Input input, String table, List<String> columns, List<String> selects) {
        List<MemberPath> paths = paths(input);
        Map<String, Object> tree = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            StreamDef.ColumnDef c = input.stream().columns().get(i);
            MemberPath p = paths.get(i);
            place(tree, p.members(), p.array() ? "STRING" : leafType(c.type()), input);
            String access = p.members().size() == 1 ? Sql.id(p.members().get(0))
                    : Sql.id(table) + "." + String.join(".", p.members().stream().map(Sql::id).toList());
            selects.add(as(typed(access, c), c.name()));
        }
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            columns.add("  " + Sql.id(e.getKey()) + " " + typeOf(e.getValue()));
        }
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> tree, List<String> members, String leaf, FlinkTranslator.Input input) {
        Map<String, Object> node = tree;
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            Object existing = node.get(m);
            boolean last = i == members.size() - 1;
            if (last && existing == null) {
                node.put(m, leaf);
            } else if (last || existing instanceof String) {
                if (!(last && leaf.equals(existing))) {
                    throw new IllegalArgumentException("Input " + input.stream().name() + ": member '" + m + "' is "
                            + "mapped both as a value and as an object (or with two types), which one Flink column "
                            + "cannot hold");
                }
            } else {
                node = (Map<String, Object>) node.computeIfAbsent(m, k -> new LinkedHashMap<String, Object>());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static String typeOf(Object node) {
        if (node instanceof String leaf) {
            return leaf;
        }
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
            fields.add(Sql.id(e.getKey()) + " " + typeOf(e.getValue()));
        }
        return "ROW<" + String.join(", ", fields) + ">";
    }
}
