package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.Row;
import io.github.kinesisfanout.sql.type.Values;
import java.nio.charset.StandardCharsets;

/**
 * CSV output (reference §5, delimiters are not configurable): fields in column order separated by
 * {@code ,}, the row ended by {@code \n}; NULL is an empty field; values in their text form
 * ({@code Values.text}); a field holding {@code ,}, {@code "}, CR or LF is quoted with {@code "}
 * doubled inside.
 */
public final class CsvOutputFormat implements OutputFormat {

    @Override
    public byte[] serialize(Row row) {
        StringBuilder out = new StringBuilder(64);
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String text = Values.text(values[i]);
            if (text == null) {
                continue;
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
