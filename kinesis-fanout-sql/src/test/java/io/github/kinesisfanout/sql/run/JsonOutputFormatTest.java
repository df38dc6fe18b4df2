package io.github.kinesisfanout.sql.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JSON output bytes (reference §5) for values whose written length the format works out before
 * writing (numbers, decimals, plain text) and for those it guesses (escaped text, doubles, datetimes).
 */
class JsonOutputFormatTest {

    private final JsonOutputFormat format = new JsonOutputFormat(List.of("A", "B"));

    @Test
    void numbersAndDecimals() {
        assertEquals("{\"A\":123456,\"B\":-123.45}", json(123456, new BigDecimal("-123.45")));
        assertEquals("{\"A\":-7,\"B\":0.05}", json(-7, new BigDecimal("0.05")));
        assertEquals("{\"A\":0,\"B\":-0.50}", json(0, new BigDecimal("-0.50")));
        assertEquals("{\"A\":-9223372036854775808,\"B\":9223372036854775807}", json(Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals("{\"A\":5,\"B\":0.000000000000000001}", json(new BigDecimal("5"), new BigDecimal("1E-18")));
        assertEquals("{\"A\":-999999999999999.999,\"B\":0.00}", json(new BigDecimal("-999999999999999.999"),
                new BigDecimal("0.00")));
        // beyond 18 digits or a negative scale: the plain string
        assertEquals("{\"A\":1234567890123456789.5,\"B\":1200}", json(new BigDecimal("1234567890123456789.5"),
                new BigDecimal("1.2E+3")));
        assertEquals("{\"A\":-32768,\"B\":127}", json((short) -32768, (byte) 127));
    }

    @Test
    void textAndOtherValues() {
        assertEquals("{\"A\":\"user-42\",\"B\":\"\"}", json("user-42", ""));
        assertEquals("{\"A\":\"say \\\"hi\\\"\\n\",\"B\":\"caf\u00e9 \u20ac\"}", json("say \"hi\"\n", "caf\u00e9 \u20ac"));
        assertEquals("{\"A\":true,\"B\":false}", json(true, false));
        assertEquals("{\"A\":null,\"B\":null}", json(null, null));
        assertEquals("{\"A\":1.5E-7,\"B\":null}", json(1.5e-7, Double.NaN));
        assertEquals("{\"A\":\"2024-01-02 03:04:05.678\",\"B\":\"" + "x".repeat(300) + "\\t\"}",
                json(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_000_000), "x".repeat(300) + "\t"));
        assertEquals("{}", new String(new JsonOutputFormat(List.of()).serialize(new Object[0]), StandardCharsets.UTF_8));
    }

    private String json(Object a, Object b) {
        return new String(format.serialize(new Object[] {a, b}), StandardCharsets.UTF_8);
    }
}
