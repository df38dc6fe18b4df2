package io.github.kinesisfanout.sql.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.sql.type.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Numbers at the edge of what Jackson reads, through both JSON decoders (the streaming one for a flat
 * mapping, the tree one for a row path): each record becomes an error row, the next one is read.
 */
@Timeout(60)
class JsonNumbersTest {

    private static final SqlType[] TYPES = {SqlType.BIGINT};
    private static final String[] NAMES = {"B"};

    private final List<RecordDecoder> decoders = List.of(
            new StreamingJsonDecoder(List.of(JsonPath.parse("$.b")), TYPES, NAMES),
            new TreeJsonDecoder(JsonPath.parse("$.r"), List.of(JsonPath.parse("$.b")), TYPES, NAMES));

    @Test
    void anExponentBeyondIntRangeIsAParseError() {
        for (RecordDecoder decoder : decoders) {
            List<String> out = decode(decoder, "{\"b\":9E99992999999}");
            assertEquals(1, out.size(), out.toString());
            assertTrue(out.get(0).startsWith("error Parse_Error: Unreadable number: ") && out.get(0).contains(
                    "9E99992999999"), out.toString());
            assertEquals(List.of("row 5"), decode(decoder, "{\"b\":5}"));
        }
    }

    @Test
    void aLargeExponentIsOutOfRangeAtOnce() {
        for (RecordDecoder decoder : decoders) {
            // the streaming decoder quotes the number as written, the tree decoder as its node prints it
            boolean tree = decoder instanceof TreeJsonDecoder;
            assertEquals(List.of("error Coercion_Error: Value " + (tree ? "1E+99999999" : "1e99999999")
                    + " is out of range for BIGINT column 'B'"), decode(decoder, "{\"b\":1e99999999}"));
            assertEquals(List.of("error Coercion_Error: Value " + (tree ? "-2.5E-99999999" : "-2.5e-99999999")
                    + " loses precision in BIGINT column 'B'"), decode(decoder, "{\"b\":-2.5e-99999999}"));
        }
    }

    private static List<String> decode(RecordDecoder decoder, String record) {
        // the tree decoder reads the row at $.r
        String data = decoder instanceof TreeJsonDecoder ? "{\"r\":" + record + "}" : record;
        List<String> out = new ArrayList<>();
        decoder.decode(data.getBytes(StandardCharsets.UTF_8), new RecordDecoder.Output() {
            @Override
            public void row(Object[] values) {
                out.add("row " + values[0]);
            }

            @Override
            public void error(String errorName, String message, byte[] bytes) {
                out.add("error " + errorName + ": " + message);
            }
        });
        return out;
    }
}
