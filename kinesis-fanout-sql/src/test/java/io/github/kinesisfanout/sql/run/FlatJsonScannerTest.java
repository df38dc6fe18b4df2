package io.github.kinesisfanout.sql.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The flat-record reading of {@link StreamingJsonDecoder}: the values it reads itself, the records it
 * leaves to Jackson, and, over hand-picked and randomly mutated records, the same rows and the same
 * errors (name and message) as the decoder that reads every record with Jackson.
 */
class FlatJsonScannerTest {

    private static final String[] NAMES = {"ID", "USERNAME", "AMOUNT", "BIG", "OK", "TAG", "R", "TS", "NX"};
    private static final SqlType[] TYPES = {SqlType.INTEGER, SqlType.varchar(6), SqlType.decimal(5, 2),
        SqlType.BIGINT, SqlType.BOOLEAN, SqlType.character(3), SqlType.REAL, SqlType.TIMESTAMP, SqlType.INTEGER};
    private static final List<JsonPath> PATHS = List.of(JsonPath.parse("$.ID"), JsonPath.parse("$.USERNAME"),
            JsonPath.parse("$.AMOUNT"), JsonPath.parse("$.BIG"), JsonPath.parse("$.OK"), JsonPath.parse("$.TAG"),
            JsonPath.parse("$.R"), JsonPath.parse("$.TS"), JsonPath.parse("$.N.X"));

    private final StreamingJsonDecoder fast = new StreamingJsonDecoder(PATHS, TYPES, NAMES, true);
    private final StreamingJsonDecoder jackson = new StreamingJsonDecoder(PATHS, TYPES, NAMES, false);
    private final FlatJsonScanner scanner = new FlatJsonScanner(
            new String[] {"ID", "USERNAME", "AMOUNT", "BIG", "OK", "TAG", "R", "TS", "N"},
            new int[] {0, 1, 2, 3, 4, 5, 6, 7, -1}, TYPES, NAMES);

    @Test
    void readsTheUsualRecordItself() {
        Object[] values = new Object[NAMES.length];
        assertTrue(scanner.scan(bytes("{\"ID\":123456,\"USERNAME\":\"user-42\",\"AMOUNT\":-123.45}"), values));
        assertArrayEquals(new Object[] {123456, "user-4", new BigDecimal("-123.45"), null, null, null, null, null, null},
                values);
        assertEquals(Integer.class, values[0].getClass());

        values = new Object[NAMES.length];
        assertTrue(scanner.scan(bytes(" {\r\n\t\"OK\" : true , \"AMOUNT\":7,\"BIG\":-900000000000,\"TAG\":\"ab\","
                + "\"other\":[] } ".replace("[]", "null") + "\n"), values));
        assertArrayEquals(new Object[] {null, null, new BigDecimal("7.00"), -900_000_000_000L, true, "ab ", null, null,
            null}, values);
        assertEquals(Long.class, values[3].getClass());

        assertTrue(scanner.scan(bytes("{}"), new Object[NAMES.length]));
        assertTrue(scanner.scan(bytes("{\"ID\":-0,\"x\":\"skipped\",\"y\":1.5,\"z\":false,\"ID\":null}"),
                new Object[NAMES.length]));
    }

    @Test
    void leavesOtherShapesToJackson() {
        for (String record : List.of("", "  ", "[1]", "{\"ID\":1", "{\"ID\":1,}", "{\"ID\":1}{}", "{\"ID\":1} x",
                "{\"ID\":01}", "{\"ID\":1e3}", "{\"AMOUNT\":1.}", "{\"AMOUNT\":-}", "{\"AMOUNT\":1.234}",
                "{\"AMOUNT\":1000}", "{\"ID\":2147483648}", "{\"ID\":1.0}", "{\"BIG\":1234567890123456789}",
                "{\"R\":1.5}", "{\"TAG\":12}", "{\"USERNAME\":\"a\\\"b\"}", "{\"USERNAME\":\"caf\u00e9\"}",
                "{\"USERNAME\":\"tab\there\"}", "{\"US\\u0045RNAME\":\"x\"}", "{\"N\":{\"X\":1}}", "{\"x\":{}}",
                "{\"x\":[1]}", "{\"OK\":truex}", "{\"OK\":nul}", "{'ID':1}", "{ID:1}", "\u00ef\u00bb\u00bf{}",
                "{\"ID\":1 2}", "{\"ID\" 1}", "{\"ID\":+1}", "{\"ID\":NaN}")) {
            byte[] data = record.getBytes(StandardCharsets.ISO_8859_1);
            assertFalse(scanner.scan(data, new Object[NAMES.length]), record);
        }
    }

    @Test
    void coercionErrorsAreJacksonsPathErrors() {
        CoercionException e = assertThrows(CoercionException.class,
                () -> scanner.scan(bytes("{\"ID\":\"abc\",\"AMOUNT\":1e400x}"), new Object[NAMES.length]));
        assertEquals("Cannot coerce 'abc' to INTEGER for column 'ID'", e.getMessage());
        assertSameOutcome("{\"ID\":\"abc\",\"AMOUNT\":1e400x}");
        assertSameOutcome("{\"OK\":1,\"TS\":\"2024-02-30 10:00:00\"}");
        assertSameOutcome("{\"TS\":\"not a time\"}");
        assertSameOutcome("{\"BIG\":true}");
        // Jackson refuses numbers of more than 1,000 characters, mapped or not
        assertSameOutcome("{\"x\":" + "1".repeat(1001) + ",\"ID\":1}");
        assertSameOutcome("{\"x\":" + "1".repeat(1000) + ",\"ID\":1}");
        assertEquals(List.of("error Coercion_Error: Value 1e99999999 is out of range for BIGINT column 'BIG'"),
                outcome(fast, bytes("{\"BIG\":1e99999999}")));
    }

    @Test
    void sameRowsAndErrorsAsJacksonForHandPickedRecords() {
        for (String record : seeds()) {
            assertSameOutcome(record);
        }
    }

    @Test
    void sameRowsAndErrorsAsJacksonForMutatedRecords() {
        Random random = new Random(7);
        String alphabet = "{}[]\":,.-+0123456789eEtrufalsn \t\n\\x\u00e9\u0000";
        List<String> seeds = seeds();
        int fastRows = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder record = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            int edits = 1 + random.nextInt(3);
            for (int k = 0; k < edits && record.length() > 0; k++) {
                int at = random.nextInt(record.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> record.setCharAt(at, c);
                    case 1 -> record.insert(at, c);
                    default -> record.deleteCharAt(at);
                }
            }
            String text = record.toString();
            try {
                if (scanner.scan(text.getBytes(StandardCharsets.UTF_8), new Object[NAMES.length])) {
                    fastRows++;
                }
            } catch (CoercionException e) {
                fastRows++;
            }
            assertSameOutcome(text);
        }
        // the mutations must leave many records of the flat shape, or the comparison would test Jackson alone
        assertTrue(fastRows > 3_000, "records read without Jackson: " + fastRows);
    }

    private static List<String> seeds() {
        List<String> seeds = new ArrayList<>(List.of(
                "{\"ID\":123456,\"USERNAME\":\"user-42\",\"AMOUNT\":-123.45}",
                "{\"AMOUNT\":0.5,\"ID\":-2147483648,\"USERNAME\":\"\"}",
                "{\"ID\":2147483647,\"BIG\":-999999999999999999,\"OK\":false,\"TAG\":\"abcd\"}",
                "{ \"OK\" : null , \"TAG\" : \"x\" , \"R\" : null , \"TS\" : \"2024-01-02 03:04:05.678\" }",
                "{\"AMOUNT\":\"12.3\",\"ID\":\"77\",\"OK\":\"TRUE\",\"BIG\":\"5\"}",
                "{\"AMOUNT\":999.99,\"ID\":0,\"extra\":12.5e1,\"more\":\"s\",\"N\":{\"X\":4}}",
                "{\"AMOUNT\":-0.00,\"ID\":-0,\"OK\":true,\"AMOUNT\":1}",
                "{\"ID\":1.5}", "{\"AMOUNT\":1000.0}", "{\"AMOUNT\":12.345}", "{\"OK\":3}", "{\"TAG\":true}",
                "{\"ID\":true,\"AMOUNT\":false}", "{\"TS\":5}", "{\"R\":\"1.25\"}", "{\"USERNAME\":[1,2]}",
                "{\"N\":7,\"ID\":3}", "{\"NX\":1}", "{}", "{\"ID\":99999999999}", "{\"AMOUNT\":0.10}",
                "{\"AMOUNT\":0.000000000000000001}", "{\"AMOUNT\":12345678901234567890}",
                "{\"BIG\":123456789012345678,\"AMOUNT\":-99.9}"));
        return seeds;
    }

    private void assertSameOutcome(String record) {
        byte[] data = record.getBytes(StandardCharsets.UTF_8);
        assertEquals(outcome(jackson, data), outcome(fast, data), record);
    }

    /** The row (values with their Java types) or the error a decoder makes of a record. */
    private static List<String> outcome(StreamingJsonDecoder decoder, byte[] data) {
        List<String> outcome = new ArrayList<>();
        decoder.decode(data, new RecordDecoder.Output() {
            @Override
            public void row(Object[] values) {
                outcome.add("row " + Arrays.stream(values)
                        .map(v -> v == null ? "null" : v.getClass().getSimpleName() + ":" + v).toList());
            }

            @Override
            public void error(String errorName, String message, byte[] bytes) {
                outcome.add("error " + errorName + ": " + message);
            }
        });
        return outcome;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
