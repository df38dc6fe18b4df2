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
