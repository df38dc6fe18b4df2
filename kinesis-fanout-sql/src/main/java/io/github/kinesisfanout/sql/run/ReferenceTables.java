package io.github.kinesisfanout.sql.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of the reference tables of one running instance. A load replaces a table's rows whole (reference
 * §4.6: loaded at start, reloaded only on request); until its first load a table has no rows.
 *
 * <p>A CSV object is split into rows by the row delimiter; a JSON object is read as a sequence of JSON values
 * (one per line, or an array with an array row path), each decoded as one record.
 */
final class ReferenceTables {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<StreamDef> tables;
    private final RecordDecoder[] decoders;
    private final boolean[] json;
    private final List<List<Object[]>> rows = new ArrayList<>();
    private final int[] versions;

    ReferenceTables(List<StreamDef> tables, RecordDecoder[] decoders, boolean[] json) {
        this.tables = tables;
        this.decoders = decoders;
        this.json = json;
        this.versions = new int[tables.size()];
        for (int i = 0; i < tables.size(); i++) {
            rows.add(List.of());
        }
    }

    /** The index of a table by its name as stored. */
    int index(String tableName) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).name().equals(tableName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("No reference table \"" + tableName + "\"; tables are "
                + tables.stream().map(StreamDef::name).toList());
    }

    List<Object[]> rows(int table) {
        return rows.get(table);
    }

    /** Increases with every load of the table, so a join knows when to rebuild its lookup. */
    int version(int table) {
        return versions[table];
    }

    /**
     * Replaces the rows of a table with those decoded from an object.
     *
     * @param errors receives each record (or CSV row) that does not decode, with the reason
     * @return the number of rows loaded
     */
    int load(int table, byte[] data, RecordDecoder.Output errors) {
        List<Object[]> loaded = new ArrayList<>();
        RecordDecoder.Output collect = new RecordDecoder.Output() {
            @Override
            public void row(Object[] values) {
                loaded.add(values);
            }

            @Override
            public void error(String errorName, String message, byte[] bytes) {
                errors.error(errorName, "Reference table \"" + tables.get(table).name() + "\": " + message, bytes);
            }
        };
        if (json[table]) {
            for (byte[] record : jsonValues(data, collect)) {
                decoders[table].decode(record, collect);
            }
        } else {
            decoders[table].decode(data, collect);
        }
        rows.set(table, List.copyOf(loaded));
        versions[table]++;
        return loaded.size();
    }

    /** The bytes of each top-level JSON value of the object; text after a malformed value is reported, not read. */
    private static List<byte[]> jsonValues(byte[] data, RecordDecoder.Output errors) {
        List<byte[]> values = new ArrayList<>();
        int end = 0;
        try (JsonParser parser = JSON.createParser(data)) {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    break;
                }
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                end = (int) parser.currentLocation().getByteOffset();
                values.add(Arrays.copyOfRange(data, start, end));
            }
        } catch (IOException e) {
            String reason = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage();
            errors.error("Parse_Error", "Malformed JSON after " + values.size() + " records: " + reason, Arrays.copyOfRange(data, Math.min(end, data.length), data.length));
        }
        return values;
    }
}
