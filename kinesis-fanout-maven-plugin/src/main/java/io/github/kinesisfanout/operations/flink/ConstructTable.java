package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.sql.FlinkConstruct;
import java.util.ArrayList;
import java.util.List;

/** Renders what each construct of the application became in Flink SQL as the lines of a small table. */
public final class ConstructTable {

    private static final int MAX_CELL = 72;

    private ConstructTable() {
    }

    /**
     * One header line, then one line per construct: {@code KDA line:column | KDA construct | Flink
     * construct | difference} (a dash when the semantics are the same).
     */
    public static List<String> render(List<FlinkConstruct> constructs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"KDA", "KDA construct", "Flink construct", "Difference"});
        for (FlinkConstruct construct : constructs) {
            rows.add(new String[] {construct.line() == 0 ? "-" : construct.line() + ":" + construct.column(),
                cell(construct.kdaConstruct()), cell(construct.flinkConstruct()),
                construct.difference() == null ? "-" : construct.difference()});
        }
        int[] widths = new int[3];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            lines.add(pad(row[0], widths[0]) + " | " + pad(row[1], widths[1]) + " | " + pad(row[2], widths[2])
                    + " | " + row[3]);
        }
        return lines;
    }

    private static String cell(String text) {
        String flat = collapseWhitespace(text == null ? "" : text.strip());
        return flat.length() <= MAX_CELL ? flat : flat.substring(0, MAX_CELL - 3) + "...";
    }

    // A construct may span lines of the SQL; the table keeps one line per construct.
    private static String collapseWhitespace(String text) {
        StringBuilder flat = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    flat.append(' ');
                    space = false;
                }
                flat.append(c);
            }
        }
        return flat.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
