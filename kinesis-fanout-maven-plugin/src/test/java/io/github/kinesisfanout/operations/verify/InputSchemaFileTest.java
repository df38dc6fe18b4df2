package io.github.kinesisfanout.operations.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.InputSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSchemaFileTest {

    @TempDir
    Path dir;

    @Test
    void anArrayOfRecordColumnsIsAJsonSchema() throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "[{\"Name\":\"ID\",\"SqlType\":\"INTEGER\",\"Mapping\":\"$.ID\"},"
                + "{\"Name\":\"AMOUNT\",\"SqlType\":\"DECIMAL(5,2)\",\"Mapping\":\"$.AMOUNT\"}]");

        InputSchema schema = InputSchemaFile.read(file, "SOURCE_SQL_STREAM");

        assertEquals(new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), List.of(
                new InputSchema.Column("ID", "INTEGER", "$.ID"),
                new InputSchema.Column("AMOUNT", "DECIMAL(5,2)", "$.AMOUNT")), "UTF-8"), schema);
    }

    @Test
    void aWholeInputSchemaKeepsItsFormat() throws IOException {
        Path file = Files.writeString(dir.resolve("s.json"), "{\"RecordFormat\":{\"RecordFormatType\":\"CSV\","
                + "\"MappingParameters\":{\"CSVMappingParameters\":{\"RecordRowDelimiter\":\"\\n\",\"RecordColumnDelimiter\":\";\"}}},"
                + "\"RecordEncoding\":\"UTF-8\",\"RecordColumns\":[{\"Name\":\"A\",\"SqlType\":\"VARCHAR(4)\"}]}");

        InputSchema schema = InputSchemaFile.read(file, "P");

        assertEquals(InputSchema.RecordFormat.csv("\n", ";"), schema.format());
        assertEquals(List.of(new InputSchema.Column("A", "VARCHAR(4)", null)), schema.columns());
    }

    @Test
    void theSampleProjectSchemaReads() {
        InputSchema schema = InputSchemaFile.read(Path.of("../sample-project/src/main/schema/input-schema.json"),
                "SOURCE_SQL_STREAM");
        assertEquals(List.of("ID", "USERNAME", "AMOUNT"), schema.columns().stream().map(InputSchema.Column::name).toList());
    }

    @Test
    void badFilesAreNamedWithTheFix() throws IOException {
        assertTrue(assertThrows(FanoutException.class, () -> InputSchemaFile.read(dir.resolve("no.json"), "P"))
                .getMessage().contains("-Dfanout.schemaFile=FILE"));
        Path empty = Files.writeString(dir.resolve("e.json"), "[]");
        assertTrue(assertThrows(FanoutException.class, () -> InputSchemaFile.read(empty, "P")).getMessage()
                .endsWith("it must be a non-empty array of RecordColumns, or an InputSchema object with one"));
        Path noType = Files.writeString(dir.resolve("t.json"), "[{\"Name\":\"A\"}]");
        assertTrue(assertThrows(FanoutException.class, () -> InputSchemaFile.read(noType, "P")).getMessage()
                .endsWith("RecordColumns[0] needs a Name and a SqlType"));
    }
}
