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

    @Test
    void textIntoNumericColumns() {
        assertEquals(123, Coercion.fromString("123", SqlType.INTEGER, "B"));
        assertEquals(0, Coercion.fromString("-0", SqlType.INTEGER, "B"));
        assertEquals(7L, Coercion.fromString("007", SqlType.BIGINT, "B"));
        assertEquals((byte) -128, Coercion.fromString("-128", SqlType.TINYINT, "B"));
        assertEquals(42, Coercion.fromString(" 42 ", SqlType.INTEGER, "B"));
        assertEquals(5, Coercion.fromString("+5", SqlType.INTEGER, "B"));
        assertEquals(100, Coercion.fromString("1e2", SqlType.INTEGER, "B"));
        assertEquals(-9223372036854775808L, Coercion.fromString("-9223372036854775808", SqlType.BIGINT, "B"));
        assertEquals(new BigDecimal("12.50"), Coercion.fromString("12.5", DECIMAL, "B"));
        assertEquals(new BigDecimal("0.50"), Coercion.fromString(".5", DECIMAL, "B"));
        assertEquals(new BigDecimal("-0.50"), Coercion.fromString("-.5", DECIMAL, "B"));
        assertEquals(new BigDecimal("5.00"), Coercion.fromString("5.", DECIMAL, "B"));
        assertEquals(new BigDecimal("999.99"), Coercion.fromString("00999.990", DECIMAL, "B"));
        assertEquals("Value 128 is out of range for TINYINT column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("128", SqlType.TINYINT, "B")).getMessage());
        assertEquals("Value 9223372036854775808 is out of range for BIGINT column 'B'", assertThrows(
                CoercionException.class, () -> Coercion.fromString("9223372036854775808", SqlType.BIGINT, "B"))
                .getMessage());
        assertEquals("Value 2147483648 is out of range for INTEGER column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("2147483648", SqlType.INTEGER, "B")).getMessage());
        assertEquals("Value 12.345 loses precision in DECIMAL(5,2) column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("12.345", DECIMAL, "B")).getMessage());
        assertEquals("Value 1000 is out of range for DECIMAL(5,2) column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("1000", DECIMAL, "B")).getMessage());
        assertEquals("Cannot coerce '1.2.3' to DECIMAL(5,2) for column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("1.2.3", DECIMAL, "B")).getMessage());
        assertEquals("Cannot coerce '-' to INTEGER for column 'B'", assertThrows(CoercionException.class,
                () -> Coercion.fromString("-", SqlType.INTEGER, "B")).getMessage());
    }

    private static String error(String number, SqlType type) {
        return assertThrows(CoercionException.class,
                () -> Coercion.fromNumber(new BigDecimal(number), number, type, "B")).getMessage();
    }
}
