package io.github.kinesisfanout.operations.verify;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an application input schema file as Kinesis Analytics spells it: either the
 * {@code RecordColumns} array alone ({@code [{"Name":"ID","SqlType":"INTEGER","Mapping":"$.ID"}]},
 * JSON records with row path {@code $}) or a whole {@code InputSchema} object with
 * {@code RecordFormat}, {@code RecordEncoding} and {@code RecordColumns}.
 */
public final class InputSchemaFile {

    private InputSchemaFile() {
    }

    /**
     * @param file the schema file
     * @param namePrefix the in-application stream name prefix, e.g. {@code SOURCE_SQL_STREAM}
     */
    public static InputSchema read(Path file, String namePrefix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new FanoutException("The input schema " + file + " does not exist: set schemaFile"
                    + " (-Dfanout.schemaFile=FILE) to a JSON array of RecordColumns");
        } catch (IOException e) {
            throw new FanoutException("The input schema " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            return InputSchemaJson.read(text, namePrefix);
        } catch (IllegalArgumentException e) {
            throw new FanoutException("The input schema " + file + " is not valid: " + e.getMessage(), e);
        }
    }
}
