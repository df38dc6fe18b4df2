package io.github.kinesisfanout.flink;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every translated script of the translator's golden files planned by Flink's own streaming planner, with its
 * functions ({@link GoldenScript}): every INSERT is explained. A translation Flink cannot plan (an aggregate
 * without retraction over a bounded window, a type mismatch, an unknown function) fails here with the
 * planner's message and the script's line.
 */
class GoldenScriptsPlanTest {

    @TempDir
    static Path records;

    @TestFactory
    Stream<DynamicTest> everyGoldenTranslationPlansInFlink() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(GoldenScript.DIRECTORY)) {
            scripts = files.filter(f -> f.getFileName().toString().endsWith(".flink.sql")).sorted().toList();
        }
        assertFalse(scripts.isEmpty(), "no golden translation under " + GoldenScript.DIRECTORY.toAbsolutePath());
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                () -> plan(script)));
    }

    private static void plan(Path script) throws IOException {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        List<ScriptStatement> inserts = GoldenScript.setUp(tables, script, Files.createTempFile(records, "in", ".jsonl"));
        assertFalse(inserts.isEmpty(), script + " has no INSERT");
        for (ScriptStatement insert : inserts) {
            try {
                tables.explainSql(insert.text());
            } catch (RuntimeException e) {
                throw GoldenScript.failure(e, insert, script);
            }
        }
    }
}
