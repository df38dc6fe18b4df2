package io.github.kinesisfanout.flink;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The golden translation of ANY, EVERY and FIRST_VALUE/LAST_VALUE IGNORE NULLS over a sliding window
 * ({@code boolean-aggregates}: {@code PARTITION BY USERNAME ROWS 3 PRECEDING}) run by Flink on a local
 * MiniCluster, giving the rows the SQL reference gives: ANY and EVERY ignore NULLs and are NULL over NULLs
 * alone; FIRST_VALUE and LAST_VALUE IGNORE NULLS take the first and last non-NULL value of the window.
 */
class WindowAggregatesInFlinkTest {

    @Test
    void booleanAggregatesAndIgnoreNullsGiveTheReferenceRows(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("records.jsonl");
        Files.write(input, List.of(
                "{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":5.00}",
                "{\"ID\":2,\"USERNAME\":\"a\",\"AMOUNT\":null}",
                "{\"ID\":3,\"USERNAME\":\"a\",\"AMOUNT\":0.50}",
                "{\"ID\":4,\"USERNAME\":\"a\"}",
                "{\"ID\":5,\"USERNAME\":\"a\",\"AMOUNT\":2.00}",
                "{\"ID\":6,\"USERNAME\":\"b\",\"AMOUNT\":0.10}",
                "{\"ID\":7,\"USERNAME\":\"b\",\"AMOUNT\":0.20}",
                "{\"ID\":8,\"USERNAME\":\"c\",\"AMOUNT\":null}"), StandardCharsets.UTF_8);
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        tables.getConfig().set("parallelism.default", "1");
        Path script = GoldenScript.DIRECTORY.resolve("boolean-aggregates.flink.sql");
        String slide = GoldenScript.setUp(tables, script, input).stream()
                .filter(s -> s.text().startsWith("INSERT INTO `SLIDE`")).findFirst().orElseThrow().text();
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(slide.substring(slide.indexOf("SELECT"))).collect()) {
            it.forEachRemaining(rows::add);
        }
        rows.sort(Comparator.comparing(row -> (Integer) row.getField(0)));
        // Each row's window is its user's row and the three before it (ID, ANY(<1), EVERY(<1), first, last).
        assertEquals(List.of(
                "+I[1, false, false, 5.00, 5.00]",
                "+I[2, false, false, 5.00, 5.00]",
                "+I[3, true, false, 5.00, 0.50]",
                "+I[4, true, false, 5.00, 0.50]",
                "+I[5, true, false, 0.50, 2.00]",
                "+I[6, true, true, 0.10, 0.10]",
                "+I[7, true, true, 0.10, 0.20]",
                "+I[8, null, null, null, null]"), rows.stream().map(Row::toString).toList());
    }
}
