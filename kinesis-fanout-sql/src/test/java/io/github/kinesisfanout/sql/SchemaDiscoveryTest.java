package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema discovery from sampled records: JSON, delimited text, type widening, nothing that fits. */
class SchemaDiscoveryTest {

    private static DiscoveredSchema infer(String... records) {
        return SchemaDiscovery.infer(List.of(records)).orElseThrow();
    }

    private static List<String> columns(DiscoveredSchema result) {
        List<String> columns = new ArrayList<>();
        for (InputSchema.Column column : result.schema().columns()) {
            columns.add(column.name() + " " + column.sqlType() + (column.mapping() == null ? "" : " " + column.mapping()));
        }
        return columns;
    }

    private static String typeOf(String... values) {
        return infer(Arrays.stream(values).map(v -> "{\"n\":" + v + "}").toArray(String[]::new))
                .schema().columns().get(0).sqlType();
    }

    @Test
    void jsonRecordsGiveOneColumnPerLeafWithTheNarrowestType() {
        DiscoveredSchema result = infer(
                "{\"ID\":1,\"USERNAME\":\"alice\",\"AMOUNT\":12.5,\"OK\":true,\"geo\":{\"lat\":1.5},\"tags\":[1,2]}",
                "{\"ID\":40000,\"USERNAME\":\"bob-the-builder\",\"AMOUNT\":-3,\"OK\":false,\"user\":\"x\"}");
        assertEquals(List.of("ID INTEGER $.ID", "USERNAME VARCHAR(16) $.USERNAME", "AMOUNT REAL $.AMOUNT",
                "OK BOOLEAN $.OK", "geo_lat REAL $.geo.lat", "tags VARCHAR(8) $.tags[0:]", "COL_user VARCHAR(4) $.user"),
                columns(result));
        assertEquals(InputSchema.RecordFormat.json("$"), result.schema().format());
        assertEquals("UTF-8", result.schema().encoding());
        assertNull(result.schema().namePrefix());
        assertEquals(Arrays.asList("1", "alice", "12.5", "true", "1.5", "[1,2]", null), result.parsedRecords().get(0));
        assertEquals(Arrays.asList("40000", "bob-the-builder", "-3", "false", null, null, "x"), result.parsedRecords().get(1));
    }

    @Test
    void wholeNumbersWidenToTheSmallestTypeHoldingEveryValue() {
        assertEquals("TINYINT", typeOf("-128", "127"));
        assertEquals("SMALLINT", typeOf("1", "300"));
        assertEquals("INTEGER", typeOf("1", "70000"));
        assertEquals("BIGINT", typeOf("3000000000"));
        assertEquals("VARCHAR(32)", typeOf("99999999999999999999"));
    }

    @Test
    void mixedValuesWidenToRealOrText() {
        assertEquals("REAL", typeOf("1", "2.5"));
        assertEquals("VARCHAR(4)", typeOf("1", "\"x\""));
        assertEquals("VARCHAR(8)", typeOf("true", "\"maybe\""));
        assertEquals("VARCHAR(4)", typeOf("null"));
    }

    @Test
    void delimitedTextUsesTheHeaderLineAsNamesAndStillReportsIt() {
        DiscoveredSchema result = infer("Year,Make,Price\r\n", "1997,Ford,3000.5\r\n1999,Chevy,4900");
        assertEquals(List.of("COL_Year SMALLINT", "Make VARCHAR(8)", "Price REAL"), columns(result));
        assertEquals(InputSchema.RecordFormat.csv("\r\n", ","), result.schema().format());
        assertEquals(3, result.parsedRecords().size());
        assertEquals(Arrays.asList(null, "Make", null), result.parsedRecords().get(0));
        assertEquals(List.of("1997", "Ford", "3000.5"), result.parsedRecords().get(1));
        assertEquals(List.of("1999", "Chevy", "4900"), result.parsedRecords().get(2));
    }

    @Test
    void delimitedTextWithoutAHeaderNamesColumnsByPosition() {
        DiscoveredSchema result = infer("1\t2.5\tx", "2\t3\tyy");
        assertEquals(List.of("COL_0 TINYINT", "COL_1 REAL", "COL_2 VARCHAR(4)"), columns(result));
        assertEquals(InputSchema.RecordFormat.csv("\n", "\t"), result.schema().format());
        assertEquals(List.of(List.of("1", "2.5", "x"), List.of("2", "3", "yy")), result.parsedRecords());
    }

    @Test
    void nothingFitsForFreeTextMixedRecordsOrNoRecords() {
        assertTrue(SchemaDiscovery.infer(List.of("hello world", "no delimiters, here", "x")).isEmpty());
        assertTrue(SchemaDiscovery.infer(List.of("{\"a\":1}", "plain")).isEmpty());
        assertTrue(SchemaDiscovery.infer(List.of("{}")).isEmpty());
        assertTrue(SchemaDiscovery.infer(List.of()).isEmpty());
    }
}
