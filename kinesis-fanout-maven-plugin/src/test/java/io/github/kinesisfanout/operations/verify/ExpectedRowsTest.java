package io.github.kinesisfanout.operations.verify;

import static io.github.kinesisfanout.operations.verify.Rows.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected rows of the sample application, computed by the SQL engine from manifest records. */
class ExpectedRowsTest {

    private static final Path SQL = Path.of("../sample-project/src/main/sql/application.sql");
    private static final InputSchema SCHEMA = InputSchemaFile.read(
            Path.of("../sample-project/src/main/schema/input-schema.json"), "SOURCE_SQL_STREAM");

    private static ManifestRecord record(String data, long putTime) {
        return new ManifestRecord(data, "k", "shardId-000000000000", String.valueOf(putTime), putTime);
    }

    @Test
    void routesEachRecordByTheSignOfItsAmount() throws IOException {
        Map<String, List<ExpectedRow>> rows = ExpectedRows.compute("application.sql", Files.readString(SQL), SCHEMA,
                List.of(record("{\"ID\":2,\"USERNAME\":\"bob\",\"AMOUNT\":-1.5}", 20),
                        record("{\"ID\":1,\"USERNAME\":\"alice\",\"AMOUNT\":12.34}", 10),
                        record("{\"ID\":3,\"USERNAME\":\"carol\",\"AMOUNT\":0}", 30)),
                List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS"));

        assertEquals(List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS"), List.copyOf(rows.keySet()));
        List<ExpectedRow> positive = rows.get("POSITIVE_TRANSACTIONS");
        assertEquals(2, positive.size());
        // In put-time order, each with the put time of its record.
        assertEquals(RowKey.of(json("{\"ID\":1,\"USERNAME\":\"alice\",\"AMOUNT\":12.34}"), java.util.Set.of()),
                RowKey.of(positive.get(0).row(), java.util.Set.of()));
        assertEquals(10, positive.get(0).putTimeMillis());
        assertEquals(3, positive.get(1).row().get("ID").asInt());
        assertEquals(30, positive.get(1).putTimeMillis());
        List<ExpectedRow> negative = rows.get("NEGATIVE_TRANSACTIONS");
        assertEquals(1, negative.size());
        assertEquals(new java.math.BigDecimal("-1.5"), negative.get(0).row().get("AMOUNT").decimalValue().stripTrailingZeros());
        assertEquals(20, negative.get(0).putTimeMillis());
    }

    private static ManifestRecord on(String shardId, String data, long putTime) {
        return new ManifestRecord(data, "k", shardId, String.valueOf(putTime), putTime);
    }

    @Test
    void withInputParallelismEachRecordIsReadByTheStreamItsShardFeeds() {
        String sql = """
                CREATE OR REPLACE STREAM "FROM_ONE" (ID INTEGER, AMOUNT DECIMAL(5,2));
                CREATE OR REPLACE STREAM "FROM_TWO" (ID INTEGER, AMOUNT DECIMAL(5,2));
                CREATE OR REPLACE PUMP "ONE" AS INSERT INTO "FROM_ONE"
                  SELECT STREAM ID, AMOUNT FROM "SOURCE_SQL_STREAM_001";
                CREATE OR REPLACE PUMP "TWO" AS INSERT INTO "FROM_TWO"
                  SELECT STREAM ID, AMOUNT FROM "SOURCE_SQL_STREAM_002" WHERE AMOUNT > 0;
                """;
        // Shards 0 and 2 feed _001, shards 1 and 3 feed _002; ID 3 is on _002 and filtered out there.
        Map<String, List<ExpectedRow>> rows = ExpectedRows.compute("two.sql", sql, SCHEMA.withParallelism(2), List.of(
                on("shardId-000000000000", "{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":5}", 10),
                on("shardId-000000000001", "{\"ID\":2,\"USERNAME\":\"b\",\"AMOUNT\":3}", 20),
                on("shardId-000000000001", "{\"ID\":3,\"USERNAME\":\"c\",\"AMOUNT\":-2}", 30),
                on("shardId-000000000003", "{\"ID\":4,\"USERNAME\":\"d\",\"AMOUNT\":1}", 40),
                on("shardId-000000000002", "{\"ID\":5,\"USERNAME\":\"e\",\"AMOUNT\":-7}", 50)),
                List.of("FROM_ONE", "FROM_TWO"));

        assertEquals(List.of(1, 5), rows.get("FROM_ONE").stream().map(r -> r.row().get("ID").asInt()).toList());
        assertEquals(List.of(10L, 50L), rows.get("FROM_ONE").stream().map(ExpectedRow::putTimeMillis).toList());
        assertEquals(List.of(2, 4), rows.get("FROM_TWO").stream().map(r -> r.row().get("ID").asInt()).toList());
    }

    @Test
    void aWindowPerInputStreamCountsOnlyThatStreamsShards() {
        String sql = """
                CREATE OR REPLACE STREAM "COUNTS" (RECORDS BIGINT);
                CREATE OR REPLACE PUMP "ONE" AS INSERT INTO "COUNTS"
                  SELECT STREAM COUNT(*) FROM "SOURCE_SQL_STREAM_001"
                  GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '1' MINUTE);
                CREATE OR REPLACE PUMP "TWO" AS INSERT INTO "COUNTS"
                  SELECT STREAM COUNT(*) FROM "SOURCE_SQL_STREAM_002"
                  GROUP BY STEP("SOURCE_SQL_STREAM_002".ROWTIME BY INTERVAL '1' MINUTE);
                """;
        // Both pumps alike, yet the rows depend on the split: 3 records on shard 0 (_001), 1 on shard 1 (_002).
        String data = "{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":1}";
        Map<String, List<ExpectedRow>> rows = ExpectedRows.compute("counts.sql", sql, SCHEMA.withParallelism(2), List.of(
                on("shardId-000000000000", data, 1_000), on("shardId-000000000000", data, 2_000),
                on("shardId-000000000001", data, 3_000), on("shardId-000000000000", data, 4_000)),
                List.of("COUNTS"));

        assertEquals(List.of(1L, 3L), rows.get("COUNTS").stream().map(r -> r.row().get("RECORDS").asLong()).sorted()
                .toList());
    }

    @Test
    void aRecordThatDoesNotParseGoesToTheErrorStream() throws IOException {
        Map<String, List<ExpectedRow>> rows = ExpectedRows.compute("application.sql", Files.readString(SQL), SCHEMA,
                List.of(record("{\"ID\":1,\"USERNAME\":\"a\",\"AMOUNT\":\"ten\"}", 5),
                        record("{\"ID\":2,\"USERNAME\":\"b\",\"AMOUNT\":1}", 6)),
                List.of("POSITIVE_TRANSACTIONS", "error_stream"));

        assertEquals(1, rows.get("POSITIVE_TRANSACTIONS").size());
        assertEquals(1, rows.get("error_stream").size());
        assertEquals(5, rows.get("error_stream").get(0).putTimeMillis());
        assertTrue(rows.get("error_stream").get(0).row().has("DATA_ROW"), rows.get("error_stream").get(0).row().toString());
    }

    @Test
    void anOutputThatIsNotAStreamIsNamedWithTheStreams() throws IOException {
        FanoutException e = assertThrows(FanoutException.class, () -> ExpectedRows.compute("application.sql",
                Files.readString(SQL), SCHEMA, List.of(), List.of("POSITIVE_TRANSACTION")));
        assertTrue(e.getMessage().startsWith("Output POSITIVE_TRANSACTION is not a stream of application.sql; its streams are ["),
                e.getMessage());
        assertTrue(e.getMessage().contains("POSITIVE_TRANSACTIONS"), e.getMessage());
    }

    @Test
    void sqlThatDoesNotCompileIsReportedWithItsLineAndColumn() {
        FanoutException e = assertThrows(FanoutException.class, () -> ExpectedRows.compute("bad.sql",
                "CREATE OR REPLACE STREAM \"OUT\" (ID INTEGER);\nCREATE OR REPLACE PUMP \"P\" AS INSERT INTO \"OUT\"\n"
                        + "SELECT STREAM IDD FROM \"SOURCE_SQL_STREAM_001\";", SCHEMA, List.of(), List.of("OUT")));
        assertTrue(e.getMessage().startsWith("bad.sql does not compile:\nline 3, column "), e.getMessage());
    }
}
