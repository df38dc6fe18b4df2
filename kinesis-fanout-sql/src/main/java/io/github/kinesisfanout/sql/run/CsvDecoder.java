package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.type.SqlType;
import java.nio.charset.StandardCharsets;

/**
 * Decodes delimited text (reference §3.1): the record is split into rows by the row delimiter and
 * rows into fields by the column delimiter; columns are taken left to right. A row with fewer fields
 * than columns gets NULL for the missing ones; an empty field is NULL except for CHAR/VARCHAR (empty
 * string). Each row fails or succeeds on its own.
 */
final class CsvDecoder implements RecordDecoder {

    private final String rowDelimiter;
    private final String columnDelimiter;
    private final SqlType[] types;
    private final String[] names;

    CsvDecoder(String rowDelimiter, String columnDelimiter, SqlType[] types, String[] names) {
        if (rowDelimiter == null || rowDelimiter.isEmpty() || columnDelimiter == null || columnDelimiter.isEmpty()) {
            throw new IllegalArgumentException("CSV input needs a RecordRowDelimiter and a RecordColumnDelimiter");
        }
        this.rowDelimiter = rowDelimiter;
        this.columnDelimiter = columnDelimiter;
        this.types = types;
        this.names = names;
    }

    @Override
    public void decode(byte[] data, Output out) {
        String text = new String(data, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(rowDelimiter, start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + rowDelimiter.length();
            if (line.isEmpty()) {
                continue;
            }
            try {
                out.row(row(line));
            } catch (CoercionException e) {
                out.error(e.errorName(), e.getMessage(), line.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private Object[] row(String line) {
        Object[] values = new Object[types.length];
        int start = 0;
        for (int i = 0; i < types.length && start <= line.length(); i++) {
            int end = line.indexOf(columnDelimiter, start);
            if (end < 0) {
                end = line.length();
            }
            String field = line.substring(start, end);
            start = end + columnDelimiter.length();
            if (field.isEmpty() && !types[i].isCharacter()) {
                values[i] = null;
            } else {
                values[i] = Coercion.fromString(field, types[i], names[i]);
            }
        }
        return values;
    }
}
