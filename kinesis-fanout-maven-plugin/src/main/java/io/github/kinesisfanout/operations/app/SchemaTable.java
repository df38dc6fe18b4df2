package io.github.kinesisfanout.operations.app;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;

/** Renders discovered columns and sample rows as a text table, one string per line. */
final class SchemaTable {

    private SchemaTable() {
    }

    static List<String> lines(List<RecordColumn> columns, List<List<String>> rows, int maxRows) {
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("", "COLUMN", "SQL TYPE", "MAPPING"));
        int samples = Math.min(maxRows, rows == null ? 0 : rows.size());
        for (int r = 0; r < samples; r++) {
            header.add("ROW " + (r + 1));
        }
        table.add(header);
        for (int c = 0; c < columns.size(); c++) {
            RecordColumn column = columns.get(c);
            List<String> line = new ArrayList<>(List.of(String.valueOf(c + 1), column.name(), column.sqlType(),
                    column.mapping() == null ? "" : column.mapping()));
            for (int r = 0; r < samples; r++) {
                List<String> row = rows.get(r);
                String value = c < row.size() ? row.get(c) : null;
                line.add(value == null ? "null" : value.length() > 24 ? value.substring(0, 21) + "..." : value);
            }
            table.add(line);
        }
        int[] widths = new int[header.size()];
        for (List<String> line : table) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> line : table) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(String.format("%-" + widths[i] + "s", line.get(i))).append(i < line.size() - 1 ? "  " : "");
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }
}
