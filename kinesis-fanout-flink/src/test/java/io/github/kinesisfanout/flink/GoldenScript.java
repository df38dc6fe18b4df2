package io.github.kinesisfanout.flink;

import org.apache.flink.table.api.TableEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One translation of the translator's golden files ({@code kinesis-fanout-sql}'s
 * {@code src/test/resources/flink-golden/NAME.flink.sql}) set up in a table environment: its placeholders filled,
 * its DDL run, and each Kinesis table shadowed by a temporary table {@code LIKE} it on the in-memory connector
 * (the input reads the given JSON lines).
 */
final class GoldenScript {

    static final Path DIRECTORY = Path.of("..", "kinesis-fanout-sql", "src", "test", "resources", "flink-golden");
    private static final Pattern OUTPUT_PLACEHOLDER = Pattern.compile("\\$\\{(output\\.[^}]+\\.stream)}");
    private static final String INPUT_STREAM = "golden-input";

    private GoldenScript() {
    }

    /** Runs the DDL of {@code script} in {@code tables} on the in-memory connector; returns its INSERTs, in order. */
    static List<ScriptStatement> setUp(TableEnvironment tables, Path script, Path inputLines) throws IOException {
        String text = Files.readString(script, StandardCharsets.UTF_8);
        Map<String, String> properties = new HashMap<>(Map.of("aws.region", "us-east-1", "input.stream", INPUT_STREAM));
        Matcher outputs = OUTPUT_PLACEHOLDER.matcher(text);
        while (outputs.find()) {
            properties.put(outputs.group(1), "golden-output");
        }
        List<ScriptStatement> inserts = new ArrayList<>();
        for (ScriptStatement statement : StatementSplitter.split(Placeholders.resolve(text, properties,
                script.getFileName().toString()))) {
            if (statement.isInsert()) {
                inserts.add(statement);
                continue;
            }
            run(tables, statement, script);
            String ddl = statement.text();
            if (ddl.toUpperCase(Locale.ROOT).startsWith("CREATE TABLE") && ddl.contains("'connector' = 'kinesis'")) {
                int open = ddl.indexOf('`');
                String table = ddl.substring(open + 1, ddl.indexOf('`', open + 1));
                String path = ddl.contains("'" + INPUT_STREAM + "'")
                        ? ", 'path' = '" + inputLines.toAbsolutePath().toString().replace("'", "''") + "'" : "";
                run(tables, new ScriptStatement("CREATE TEMPORARY TABLE `" + table + "` WITH ('connector' = '"
                        + MemoryTableFactory.IDENTIFIER + "'" + path + ") LIKE `" + table + "`", 0, 0, 0), script);
            }
        }
        return inserts;
    }

    /** The planner's refusal of {@code statement} as a test failure naming the script's line. */
    static AssertionError failure(RuntimeException e, ScriptStatement statement, Path script) {
        return new AssertionError(PlanningError.of(e, statement, script.getFileName().toString()).getMessage(), e);
    }

    private static void run(TableEnvironment tables, ScriptStatement statement, Path script) {
        try {
            tables.executeSql(statement.text());
        } catch (RuntimeException e) {
            throw failure(e, statement, script);
        }
    }
}
