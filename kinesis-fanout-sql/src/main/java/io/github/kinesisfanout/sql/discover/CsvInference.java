package io.github.kinesisfanout.sql.discover;

import io.github.kinesisfanout.sql.DiscoveredSchema;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Infers a delimited-text schema: the row delimiter ({@code \r\n} when present, else {@code \n}),
 * the first column delimiter that splits every row into the same number (at least two) of fields,
 * and the first line as column names when it is all text (AWS reports that header line as a
 * parsed row too, numeric columns null).
 */
public final class CsvInference {

    private static final List<String> COLUMN_DELIMITERS = List.of(",", "\t", "|", ";");

    private CsvInference() {
    }

    /** The schema, or null when no column delimiter splits every row into the same number (at least two) of fields. */
    public static DiscoveredSchema infer(List<String> records) {
        String rowDelimiter = records.stream().anyMatch(r -> r.contains("\r\n")) ? "\r\n" : "\n";
        List<String> rows = new ArrayList<>();
        for (String record : records) {
            for (String row : record.split(Pattern.quote(rowDelimiter))) {
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        }
        for (String delimiter : COLUMN_DELIMITERS) {
            List<String[]> split = split(rows, delimiter);
            if (split != null) {
                return schema(split, rowDelimiter, delimiter);
            }
        }
        return null;
    }

    private static List<String[]> split(List<String> rows, String delimiter) {
        List<String[]> split = new ArrayList<>();
        int width = -1;
        for (String row : rows) {
            String[] fields = row.split(Pattern.quote(delimiter), -1);
            if (fields.length < 2 || width >= 0 && fields.length != width) {
                return null;
            }
            width = fields.length;
            split.add(fields);
        }
        return split.isEmpty() ? null : split;
    }

    private static DiscoveredSchema schema(List<String[]> rows, String rowDelimiter, String columnDelimiter) {
        int width = rows.get(0).length;
        boolean header = rows.size() > 1 && Arrays.stream(rows.get(0)).noneMatch(CsvInference::looksNumeric);
        TypeGuess[] types = new TypeGuess[width];
        for (int i = 0; i < width; i++) {
            types[i] = new TypeGuess();
        }
        for (String[] row : header ? rows.subList(1, rows.size()) : rows) {
            for (int i = 0; i < width; i++) {
                if (!row[i].isEmpty()) {
                    types[i].addText(row[i].trim());
                }
            }
        }
        List<InputSchema.Column> columns = new ArrayList<>();
        ColumnNames names = new ColumnNames();
        for (int i = 0; i < width; i++) {
            columns.add(new InputSchema.Column(header ? names.name(rows.get(0)[i].trim(), i) : names.name("", i),
                    types[i].sqlType(), null));
        }
        List<List<String>> parsed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                String field = rows.get(r)[i];
                boolean unparseable = r == 0 && header && types[i].isNumeric();
                values.add(unparseable || field.isEmpty() ? null : field);
            }
            parsed.add(values);
        }
        return new DiscoveredSchema(new InputSchema(null, InputSchema.RecordFormat.csv(rowDelimiter, columnDelimiter),
                columns, "UTF-8"), parsed);
    }

    private static boolean looksNumeric(String field) {
        return field.trim().matches("-?\\d+(\\.\\d+)?");
    }
}
