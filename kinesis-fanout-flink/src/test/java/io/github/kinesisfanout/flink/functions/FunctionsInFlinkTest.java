package io.github.kinesisfanout.flink.functions;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The functions declared and called as a translated script does, planned and run by Flink in this JVM. */
class FunctionsInFlinkTest {

    @Test
    void everyFunctionPlansAndRunsWithItsSqlTypes() throws Exception {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inBatchMode());
        tables.getConfig().setLocalTimeZone(ZoneOffset.UTC);
        String[][] functions = {{"KDA_INITCAP", "Initcap"}, {"KDA_REGEX_REPLACE", "RegexReplace"}, {"KDA_STEP", "Step"},
            {"KDA_STEP_TIMESTAMP", "StepTimestamp"}, {"KDA_UNIX_TIMESTAMP", "UnixTimestamp"},
            {"KDA_TO_TIMESTAMP", "ToTimestamp"}, {"KDA_CHAR_TO_TIMESTAMP", "CharToTimestamp"},
            {"KDA_CHAR_TO_DATE", "CharToDate"}, {"KDA_CHAR_TO_TIME", "CharToTime"},
            {"KDA_TIMESTAMP_TO_CHAR", "TimestampToChar"}, {"KDA_DATE_TO_CHAR", "DateToChar"},
            {"KDA_TIME_TO_CHAR", "TimeToChar"}};
        for (String[] f : functions) {
            tables.executeSql("CREATE TEMPORARY SYSTEM FUNCTION `" + f[0] + "` AS 'io.github.kinesisfanout.flink.functions."
                    + f[1] + "'");
        }
        String query = "SELECT KDA_INITCAP(s), KDA_REGEX_REPLACE(s, 'o', '0', 1, 0), KDA_STEP(n, CAST(60 AS BIGINT)),"
                + " KDA_STEP_TIMESTAMP(KDA_TO_TIMESTAMP(n * 1000), CAST(60000 AS BIGINT)),"
                + " KDA_UNIX_TIMESTAMP(KDA_TO_TIMESTAMP(n)),"
                + " KDA_TIMESTAMP_TO_CHAR('yyyy-MM-dd HH:mm:ss', KDA_CHAR_TO_TIMESTAMP('yyyy-MM-dd HH:mm:ss', t)),"
                + " KDA_DATE_TO_CHAR('yyyy/MM/dd', KDA_CHAR_TO_DATE('yyyy-MM-dd', SUBSTRING(t FROM 1 FOR 10))),"
                + " KDA_TIME_TO_CHAR('HH.mm', KDA_CHAR_TO_TIME('HH:mm:ss', SUBSTRING(t FROM 12)))"
                + " FROM (VALUES ('hello world', CAST(125 AS BIGINT), '2024-02-29 13:05:07'),"
                + " (CAST(NULL AS STRING), CAST(NULL AS BIGINT), CAST(NULL AS STRING))) AS v(s, n, t)";
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tables.executeSql(query).collect()) {
            it.forEachRemaining(row -> rows.add(row.toString()));
        }
        // 125 s = 1970-01-01T00:02:05, stepped to 00:02:00; KDA_STEP(125, 60) = 120.
        assertEquals(List.of(
                "+I[Hello World, hell0 w0rld, 120, 1970-01-01T00:02, 125, 2024-02-29 13:05:07, 2024/02/29, 13.05]",
                "+I[null, null, null, null, null, null, null, null]"), rows);
    }
}
