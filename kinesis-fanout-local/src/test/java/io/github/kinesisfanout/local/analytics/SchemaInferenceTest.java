package io.github.kinesisfanout.local.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Schema inference of DiscoverInputSchema: JSON, delimited text, nothing, column names. */
class SchemaInferenceTest {

    private static List<String> columns(SchemaInference.Result result) {
        List<String> columns = new ArrayList<>();
        for (JsonNode column : result.inputSchema().get("RecordColumns")) {
            columns.add(column.get("Name").asText() + " " + column.get("SqlType").asText()
                    + (column.has("Mapping") ? " " + column.get("Mapping").asText() : ""));
        }
        return columns;
    }

    @Test
    void jsonRecordsGiveOneColumnPerLeafWithTheNarrowestType() {
        SchemaInference.Result result = SchemaInference.infer(List.of(
                "{\"ID\":1,\"USERNAME\":\"alice\",\"AMOUNT\":12.5,\"OK\":true,\"geo\":{\"lat\":1.5},\"tags\":[1,2]}",
                "{\"ID\":40000,\"USERNAME\":\"bob-the-builder\",\"AMOUNT\":-3,\"OK\":false,\"user\":\"x\"}"));
        assertEquals(List.of("ID INTEGER $.ID", "USERNAME VARCHAR(16) $.USERNAME", "AMOUNT REAL $.AMOUNT",
                "OK BOOLEAN $.OK", "geo_lat REAL $.geo.lat", "tags VARCHAR(8) $.tags[0:]", "COL_user VARCHAR(4) $.user"),
                columns(result));
        assertEquals("JSON", result.inputSchema().at("/RecordFormat/RecordFormatType").asText());
        assertEquals("$", result.inputSchema().at("/RecordFormat/MappingParameters/JSONMappingParameters/RecordRowPath").asText());
        assertEquals(Arrays.asList("1", "alice", "12.5", "true", "1.5", "[1,2]", null), result.parsedRecords().get(0));
        assertEquals(Arrays.asList("40000", "bob-the-builder", "-3", "false", null, null, "x"), result.parsedRecords().get(1));
    }

    @Test
    void delimitedTextUsesTheHeaderLineAsNamesAndStillReportsIt() {
        SchemaInference.Result result = SchemaInference.infer(List.of("Year,Make,Price\r\n", "1997,Ford,3000.5\r\n1999,Chevy,4900"));
        assertEquals(List.of("COL_Year SMALLINT", "Make VARCHAR(8)", "Price REAL"), columns(result));
        assertEquals("\r\n", result.inputSchema().at("/RecordFormat/MappingParameters/CSVMappingParameters/RecordRowDelimiter").asText());
        assertEquals(",", result.inputSchema().at("/RecordFormat/MappingParameters/CSVMappingParameters/RecordColumnDelimiter").asText());
        assertEquals(Arrays.asList(null, "Make", null), result.parsedRecords().get(0));
        assertEquals(List.of("1997", "Ford", "3000.5"), result.parsedRecords().get(1));
    }

    @Test
    void nothingFitsForFreeTextOrNoRecords() {
        assertNull(SchemaInference.infer(List.of("hello world", "no delimiters, here", "x")));
        assertNull(SchemaInference.infer(List.of()));
    }

    @Test
    void columnNamesFollowTheDocumentedRenames() {
        ColumnNames names = new ColumnNames();
        assertEquals("COL_USER", names.name("USER", 0));
        assertEquals("COL_USERDOMAIN", names.name("USER@DOMAIN", 1));
        assertEquals("COL_2", names.name("@@", 2));
        assertEquals("COL_1st", names.name("1st", 3));
        assertEquals("PRICE", names.name("PRICE", 4));
        assertEquals("PRICE_2", names.name("PRICE", 5));
    }
}
