package io.github.kinesisfanout.flink.functions;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The KDA_* functions called directly, with values worked out by hand. */
class FunctionsTest {

    @Test
    void initcapCapitalisesUnicodeWords() {
        Initcap f = new Initcap();
        assertEquals("Hello World-Wide 2nd", f.eval("hELLO world-WIDE 2ND"));
        assertEquals("Élan Über", f.eval("éLAN über"));
        assertEquals("", f.eval(""));
        assertNull(f.eval(null));
    }

    @Test
    void regexReplaceFromAPositionAndForOneOccurrence() {
        RegexReplace f = new RegexReplace();
        assertEquals("x-x-x", f.eval("a-b-c", "[a-z]", "x", 1, 0));
        assertEquals("a-x-c", f.eval("a-b-c", "[a-z]", "x", 1, 2));
        assertEquals("a-x-x", f.eval("a-b-c", "[a-z]", "x", 2, 0));
        assertEquals("a-b-x", f.eval("a-b-c", "[a-z]", "x", 2, 2));
        assertEquals("a-b-c", f.eval("a-b-c", "[a-z]", "x", 1, 4));
        assertEquals("a-b-c", f.eval("a-b-c", "[a-z]", "x", 6, 0));
        assertEquals("b=a", f.eval("a=b", "(\\w)=(\\w)", "$2=$1", 1, 0));
        assertNull(f.eval("a", null, "x", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> f.eval("a", "a", "x", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> f.eval("a", "a", "x", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> f.eval("a", "(", "x", 1, 0));
    }

    @Test
    void stepRoundsDownAlsoBelowZero() {
        Step f = new Step();
        assertEquals(60L, f.eval(119L, 60L));
        assertEquals(120L, f.eval(120L, 60L));
        assertEquals(-60L, f.eval(-1L, 60L));
        assertNull(f.eval(null, 60L));
        assertThrows(ArithmeticException.class, () -> f.eval(1L, 0L));
    }

    @Test
    void stepTimestampRoundsToMultiplesSinceTheEpoch() {
        StepTimestamp f = new StepTimestamp();
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 15, 0),
                f.eval(LocalDateTime.of(2024, 3, 1, 10, 15, 59, 999_000_000), 60_000L));
        assertEquals(LocalDateTime.of(2024, 3, 1, 10, 0), f.eval(LocalDateTime.of(2024, 3, 1, 10, 14), 900_000L));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 50), f.eval(LocalDateTime.of(1969, 12, 31, 23, 59, 59), 10_000L));
        assertThrows(ArithmeticException.class, () -> f.eval(LocalDateTime.of(2024, 1, 1, 0, 0), -1L));
    }

    @Test
    void unixTimestampAndToTimestampAreInverseInUtc() {
        // 2024-01-01T00:00:00.250Z = 1704067200 s since the epoch, plus 250 ms.
        assertEquals(1_704_067_200_250L, new UnixTimestamp().eval(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 250_000_000)));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 250_000_000), new ToTimestamp().eval(1_704_067_200_250L));
        assertEquals(LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_000_000), new ToTimestamp().eval(-1L));
        assertNull(new UnixTimestamp().eval(null));
        assertNull(new ToTimestamp().eval(null));
    }

    @Test
    void charToParsesTheWholeTextStrictlyOrGivesNull() {
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 5, 7),
                new CharToTimestamp().eval("yyyy-MM-dd HH:mm:ss", "2024-02-29 13:05:07"));
        assertEquals(LocalDateTime.of(2024, 1, 1, 0, 0), new CharToTimestamp().eval("yyyy", "2024"));
        assertNull(new CharToTimestamp().eval("yyyy-MM-dd", "2023-02-29"));
        assertNull(new CharToTimestamp().eval("yyyy-MM-dd", "2024-01-01 trailing"));
        assertEquals(LocalDate.of(2024, 7, 4), new CharToDate().eval("dd/MM/yyyy", "04/07/2024"));
        assertEquals(LocalTime.of(13, 5, 7), new CharToTime().eval("HH:mm:ss", "13:05:07"));
        assertNull(new CharToDate().eval(null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new CharToDate().eval("qq", "x"));
    }

    @Test
    void toCharFormatsInUtc() {
        assertEquals("2024-02-29 13:05:07.042",
                new TimestampToChar().eval("yyyy-MM-dd HH:mm:ss.SSS", LocalDateTime.of(2024, 2, 29, 13, 5, 7, 42_000_000)));
        assertEquals("04 Jul 2024 00:00", new DateToChar().eval("dd MMM yyyy HH:mm", LocalDate.of(2024, 7, 4)));
        assertEquals("1970-01-01 13:05", new TimeToChar().eval("yyyy-MM-dd HH:mm", LocalTime.of(13, 5)));
        assertNull(new TimeToChar().eval("HH", null));
    }
}
