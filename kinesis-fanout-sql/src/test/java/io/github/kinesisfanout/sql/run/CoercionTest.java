package io.github.kinesisfanout.sql.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.sql.type.SqlType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Numbers whose exponent decides their coercion (reference §3.2) get their error without the engine
 * scaling them digit by digit: {@code 1e99999999} used to take hours in {@code setScale}.
 */
@Timeout(60)
class CoercionTest {

    private static final SqlType DECIMAL = SqlType.decimal(5, 2);

    @Test
    void wholeNumbersBeyondTheColumnAreOutOfRange() {
        assertEquals("Value 1e99999999 is out of range for BIGINT column 'B'", error("1e99999999", SqlType.BIGINT));
        assertEquals("Value -4E+99999999 is out of range for DECIMAL(5,2) column 'B'", error("-4E+99999999", DECIMAL));
        assertEquals("Value 1e19 is out of range for BIGINT column 'B'", error("1e19", SqlType.BIGINT));
        assertEquals("Value 1e3 is out of range for DECIMAL(5,2) column 'B'", error("1e3", DECIMAL));
    }

    @Test
    void fractionsBeyondTheScaleLosePrecision() {
        assertEquals("Value 1e-99999999 loses precision in BIGINT column 'B'", error("1e-99999999", SqlType.BIGINT));
        assertEquals("Value 5e-99999999 loses precision in DECIMAL(5,2) column 'B'", error("5e-99999999", DECIMAL));
    }

    @Test
    void exponentsThatStillFitAreScaled() {
        assertEquals(1L, Coercion.fromNumber(new BigDecimal("1" + "0".repeat(30) + "e-30"), null, SqlType.BIGINT, "B"));
        assertEquals(new BigDecimal("1.50"), Coercion.fromNumber(new BigDecimal("15" + "0".repeat(40) + "e-41"), null,
                DECIMAL, "B"));
        assertEquals(new BigDecimal("0.00"), Coercion.fromNumber(new BigDecimal("0e99999999"), null, DECIMAL, "B"));
        assertEquals(0L, Coercion.fromNumber(new BigDecimal("0e-99999999"), null, SqlType.BIGINT, "B"));
        assertEquals(900, Coercion.fromNumber(new BigDecimal("9e2"), null, SqlType.INTEGER, "B"));
    }

    @Test
    void stringsWithExponentsToo() {
        CoercionException e = assertThrows(CoercionException.class,
                () -> Coercion.fromString("2e99999999", SqlType.INTEGER, "B"));
        assertEquals("Value 2e99999999 is out of range for INTEGER column 'B'", e.getMessage());
    }

    private static String error(String number, SqlType type) {
        return assertThrows(CoercionException.class,
                () -> Coercion.fromNumber(new BigDecimal(number), number, type, "B")).getMessage();
    }
}
