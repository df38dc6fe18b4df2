package io.github.kinesisfanout.flink;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every translated script of the translator's golden files ({@code kinesis-fanout-sql}'s
 * {@code src/test/resources/flink-golden/*.flink.sql}) planned by Flink's own streaming planner, with its
 * functions: the DDL runs, each Kinesis table is shadowed by a table {@code LIKE} it on the in-memory connector,
 * and every INSERT is explained. A translation Flink cannot plan (an aggregate without retraction over a
 * bounded window, a type mismatch, an unknown function) fails here with the planner's message.
 */
class GoldenScriptsPlanTest {

    private static final Path GOLDEN = Path.of("..", "kinesis-fanout-sql", "src", "test", "resources", "flink-golden");
    private static final Pattern OUTPUT_PLACEHOLDER = Pattern.compile("\\$\\{(output\\.[^}]+\\.stream)}");

    @TempDir
    static Path records;

    @TestFactory
    Stream<DynamicTest> everyGoldenTranslationPlansInFlink() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(GOLDEN)) {
            scripts = files.filter(f -> f.getFileName().toString().endsWith(".flink.sql")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no golden translation under " + GOLDEN.toAbsolutePath());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                () -> plan(script)));
    }

    private static void plan(Path script) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        Path empty = Files.createTempFile(records, "records", ".jsonl");
        Map<String, String> properties = new HashMap<>(Map.of("aws.region", "us-east-1", "input.stream", "in"));
        Matcher outputs = OUTPUT_PLACEHOLDER.matcher(text);
        while (outputs.find()) {
            properties.put(outputs.group(1), "out");
        }
        String name = script.getFileName().toString();
        List<ScriptStatement> statements = StatementSplitter.split(Placeholders.resolve(text, properties, name));
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        List<ScriptStatement> inserts = new ArrayList<>();
        for (ScriptStatement statement : statements) {
            if (statement.isInsert()) {
                inserts.add(statement);
                continue;
            }
            run(tables, statement, name);
            String upper = statement.text().toUpperCase(Locale.ROOT);
            if (upper.startsWith("CREATE TABLE") && statement.text().contains("'connector' = 'kinesis'")) {
                String table = statement.text().substring(statement.text().indexOf('`') + 1,
                        statement.text().indexOf('`', statement.text().indexOf('`') + 1));
                String path = statement.text().contains("'in'") ? ", 'path' = '" + empty.toAbsolutePath() + "'" : "";
                run(tables, new ScriptStatement("CREATE TEMPORARY TABLE `" + table + "` WITH ('connector' = '"
                        + MemoryTableFactory.IDENTIFIER + "'" + path + ") LIKE `" + table + "`", 0, 0, 0), name);
            }
        }
        assertTrue(!inserts.isEmpty(), name + " has no INSERT");
        for (ScriptStatement insert : inserts) {
            try {
                tables.explainSql(insert.text());
            } catch (RuntimeException e) {
                throw new AssertionError(PlanningError.of(e, insert, name).getMessage(), e);
            }
        }
    }

    private static void run(TableEnvironment tables, ScriptStatement statement, String name) {
        try {
            tables.executeSql(statement.text());
        } catch (RuntimeException e) {
            throw new AssertionError(PlanningError.of(e, statement, name).getMessage(), e);
        }
    }
}
