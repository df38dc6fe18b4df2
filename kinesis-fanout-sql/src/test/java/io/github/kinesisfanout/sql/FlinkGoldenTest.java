package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden pair under {@code src/test/resources/flink-golden/}: {@code NAME.kda.sql} (the application,
 * with {@code -- @directive} lines for its schema, outputs and options) against {@code NAME.flink.sql} (the
 * expected script) or {@code NAME.errors} (the expected refusals, one {@code line L, column C: message} a line).
 *
 * <p>Directives: {@code -- @outputs STREAM FORMAT, ...}, {@code -- @options ARRIVAL_TIME AWS_KINESIS_STREAMS_5
 * APPROXIMATIONS}, {@code -- @columns NAME TYPE [MAPPING]; ...}, {@code -- @format CSV|JSON}, {@code -- @rowpath
 * PATH}, {@code -- @parallelism N}, {@code -- @reference TABLE NAME TYPE; ...} (a CSV reference table), {@code -- @warnings} (the expected warnings follow as {@code -- ! text} lines).
 */
class FlinkGoldenTest {

    @TestFactory
    Stream<DynamicTest> goldenPairs() throws IOException, URISyntaxException {
        Path dir = Paths.get(getClass().getResource("/flink-golden").toURI());
        List<Path> cases;
        try (Stream<Path> list = Files.list(dir)) {
            cases = list.filter(p -> p.toString().endsWith(".kda.sql")).sorted().toList();
        }
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    private static void run(Path kda) throws IOException {
        String code = Files.readString(kda, StandardCharsets.UTF_8);
        String base = kda.toString().substring(0, kda.toString().length() - ".kda.sql".length());
        GoldenCase c = GoldenCase.parse(code);
        Path expected = Paths.get(base + ".flink.sql");
        if (Files.exists(expected)) {
            FlinkTranslation t = SqlEngine.translateToFlink(code, c.inputs(), c.references(), c.outputs(), c.options());
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), t.script());
            assertEquals(c.warnings(), t.warnings());
        } else {
            SqlCompilationException e = assertThrows(SqlCompilationException.class,
                    () -> SqlEngine.translateToFlink(code, c.inputs(), c.references(), c.outputs(), c.options()));
            String want = Files.readString(Paths.get(base + ".errors"), StandardCharsets.UTF_8).strip();
            assertEquals(want, e.errors().stream().map(SqlError::toString).collect(Collectors.joining("\n")));
        }
    }

    /** The directives of one golden case. */
    record GoldenCase(List<InputSchema> inputs, List<ReferenceTable> references, List<FlinkOutput> outputs,
            FlinkOptions options, List<String> warnings) {

        static GoldenCase parse(String code) {
            List<FlinkOutput> outputs = new ArrayList<>();
            List<InputSchema.Column> columns = new ArrayList<>(List.of(
                    new InputSchema.Column("ID", "INTEGER", "$.ID"),
                    new InputSchema.Column("USERNAME", "VARCHAR(200)", "$.USERNAME"),
                    new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT")));
            InputSchema.RecordFormat format = InputSchema.RecordFormat.json("$");
            int parallelism = 1;
            FlinkConnector connector = FlinkConnector.KINESIS_4;
            FlinkRowtime rowtime = FlinkRowtime.PROCESSING_TIME;
            boolean approximations = false;
            List<String> warnings = new ArrayList<>();
            List<ReferenceTable> references = new ArrayList<>();
            for (String line : code.lines().toList()) {
                if (line.startsWith("-- ! ")) {
                    warnings.add(line.substring(5));
                }
                if (!line.startsWith("-- @")) {
                    continue;
                }
                String[] parts = line.substring(4).split(" ", 2);
                String value = parts.length > 1 ? parts[1].strip() : "";
                switch (parts[0]) {
                    case "outputs" -> {
                        for (String o : value.split(",")) {
                            String[] f = o.strip().split(" ");
                            outputs.add(new FlinkOutput(f[0], f[1]));
                        }
                    }
                    case "options" -> {
                        for (String o : value.split(" ")) {
                            switch (o) {
                                case "ARRIVAL_TIME" -> rowtime = FlinkRowtime.ARRIVAL_TIME;
                                case "AWS_KINESIS_STREAMS_5" -> connector = FlinkConnector.AWS_KINESIS_STREAMS_5;
                                case "APPROXIMATIONS" -> approximations = true;
                                default -> throw new IllegalArgumentException("unknown option " + o);
                            }
                        }
                    }
                    case "columns" -> {
                        columns.clear();
                        for (String col : value.split(";")) {
                            String[] f = col.strip().split(" ", 3);
                            columns.add(new InputSchema.Column(f[0], f[1], f.length > 2 ? f[2] : null));
                        }
                    }
                    case "format" -> format = value.equals("CSV") ? InputSchema.RecordFormat.csv("\n", ",")
                            : InputSchema.RecordFormat.json("$");
                    case "rowpath" -> format = InputSchema.RecordFormat.json(value);
                    case "parallelism" -> parallelism = Integer.parseInt(value);
                    case "reference" -> {
                        String[] table = value.split(" ", 2);
                        List<InputSchema.Column> tableColumns = new ArrayList<>();
                        for (String col : table[1].split(";")) {
                            String[] f = col.strip().split(" ", 2);
                            tableColumns.add(new InputSchema.Column(f[0], f[1], null));
                        }
                        references.add(new ReferenceTable(table[0], new InputSchema(null,
                                InputSchema.RecordFormat.csv("\n", ","), tableColumns, "UTF-8")));
                    }
                    default -> throw new IllegalArgumentException("unknown directive " + parts[0]);
                }
            }
            List<InputSchema> inputs = List.of(new InputSchema("SOURCE_SQL_STREAM", format, columns, "UTF-8",
                    parallelism));
            return new GoldenCase(inputs, references, outputs, new FlinkOptions(connector, rowtime, approximations),
                    warnings);
        }
    }
}
