package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputSchemaJsonTest {

    private static final List<InputSchema.Column> JSON_COLUMNS = List.of(
            new InputSchema.Column("ID", "INTEGER", "$.ID"), new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT"));

    @Test
    void aBareColumnArrayIsJsonWithRowPathDollar() {
        InputSchema schema = InputSchemaJson.read("[{\"Name\":\"ID\",\"SqlType\":\"INTEGER\",\"Mapping\":\"$.ID\"},"
                + "{\"Name\":\"AMOUNT\",\"SqlType\":\"DECIMAL(5,2)\",\"Mapping\":\"$.AMOUNT\"}]", "SOURCE_SQL_STREAM");

        assertEquals(new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), JSON_COLUMNS, "UTF-8"),
                schema);
    }

    @Test
    void aWholeJsonInputSchemaKeepsItsRowPath() {
        InputSchema schema = InputSchemaJson.read("{\"RecordFormat\":{\"RecordFormatType\":\"JSON\",\"MappingParameters\":"
                + "{\"JSONMappingParameters\":{\"RecordRowPath\":\"$.records\"}}},\"RecordEncoding\":\"UTF-8\","
                + "\"RecordColumns\":[{\"Name\":\"ID\",\"SqlType\":\"INTEGER\",\"Mapping\":\"$.ID\"}]}", "P");

        assertEquals(InputSchema.RecordFormat.json("$.records"), schema.format());
        assertEquals(List.of(new InputSchema.Column("ID", "INTEGER", "$.ID")), schema.columns());
    }

    @Test
    void aCsvInputSchemaKeepsItsDelimitersAndHasNoMappings() {
        InputSchema schema = InputSchemaJson.read("{\"RecordFormat\":{\"RecordFormatType\":\"CSV\",\"MappingParameters\":"
                + "{\"CSVMappingParameters\":{\"RecordRowDelimiter\":\"|\",\"RecordColumnDelimiter\":\";\"}}},"
                + "\"RecordColumns\":[{\"Name\":\"A\",\"SqlType\":\"VARCHAR(4)\",\"Mapping\":\"\"}]}", "P");

        assertEquals(InputSchema.RecordFormat.csv("|", ";"), schema.format());
        assertEquals(List.of(new InputSchema.Column("A", "VARCHAR(4)", null)), schema.columns());
        assertEquals("UTF-8", schema.encoding());
    }

    @Test
    void theWrittenObjectReadsBackAsTheSameSchema() {
        InputSchema json = new InputSchema("P", InputSchema.RecordFormat.json("$"), JSON_COLUMNS, "UTF-8");
        InputSchema csv = new InputSchema("P", InputSchema.RecordFormat.csv("\n", ","),
                List.of(new InputSchema.Column("A", "VARCHAR(4)", null)), "UTF-8");

        assertEquals(json, InputSchemaJson.fromJson(InputSchemaJson.toJson(json), "P"));
        assertEquals(csv, InputSchemaJson.fromJson(InputSchemaJson.toJson(csv), "P"));
        assertEquals("{\"RecordFormatType\":\"CSV\",\"MappingParameters\":{\"CSVMappingParameters\":"
                + "{\"RecordRowDelimiter\":\"\\n\",\"RecordColumnDelimiter\":\",\"}}}",
                InputSchemaJson.toJson(csv).get("RecordFormat").toString());
        assertEquals("{\"Name\":\"A\",\"SqlType\":\"VARCHAR(4)\"}", InputSchemaJson.toJson(csv).get("RecordColumns").get(0).toString());
    }

    @Test
    void theWrittenColumnArrayReadsBackAsTheSameColumns() {
        String text = InputSchemaJson.writeColumns(JSON_COLUMNS);

        assertEquals(JSON_COLUMNS, InputSchemaJson.read(text, "P").columns());
        assertEquals("[{\"Name\":\"ID\",\"SqlType\":\"INTEGER\",\"Mapping\":\"$.ID\"},"
                + "{\"Name\":\"AMOUNT\",\"SqlType\":\"DECIMAL(5,2)\",\"Mapping\":\"$.AMOUNT\"}]",
                text.replaceAll("\\s", ""));
    }

    @Test
    void badInputNamesTheMemberAtFault() {
        assertEquals("it must be a non-empty array of RecordColumns, or an InputSchema object with one",
                assertThrows(IllegalArgumentException.class, () -> InputSchemaJson.read("{\"RecordColumns\":[]}", "P"))
                        .getMessage());
        assertEquals("RecordColumns[1] needs a Name and a SqlType", assertThrows(IllegalArgumentException.class,
                () -> InputSchemaJson.read("[{\"Name\":\"A\",\"SqlType\":\"INTEGER\"},{\"Name\":\"B\"}]", "P")).getMessage());
        assertEquals("RecordFormat.RecordFormatType must be JSON or CSV", assertThrows(IllegalArgumentException.class,
                () -> InputSchemaJson.read("{\"RecordFormat\":{\"RecordFormatType\":\"XML\"},"
                        + "\"RecordColumns\":[{\"Name\":\"A\",\"SqlType\":\"INTEGER\"}]}", "P")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputSchemaJson.read("[{", "P"));
    }
}
