package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The memory budget setting: its sizes, its split between Kinesis and CloudWatch Logs, and its refusals. */
class MemoryBudgetTest {

    @Test
    void sizesAreBytesOrKilobytesMegabytesGigabytes() {
        assertEquals(64L * 1024 * 1024, MemoryBudget.parse("64m").bytes());
        assertEquals(64L * 1024 * 1024, MemoryBudget.parse(" 64M ").bytes());
        assertEquals(1024L * 1024 * 1024, MemoryBudget.parse("1g").bytes());
        assertEquals(2048L * 1024, MemoryBudget.parse("2048k").bytes());
        assertEquals(1048576, MemoryBudget.parse("1048576").bytes());
    }

    @Test
    void theDefaultIsTheFormerTwoBudgetsAndTheSplitIsTwoThirdsToOneThird() {
        assertEquals(64L * 1024 * 1024, MemoryBudget.DEFAULT.kinesisBytes());
        assertEquals(32L * 1024 * 1024, MemoryBudget.DEFAULT.logsBytes());
        assertEquals("96 MiB (64 MiB Kinesis records, 32 MiB CloudWatch Logs events)", MemoryBudget.DEFAULT.toString());
        // 1 MiB = 1,048,576 bytes: two thirds rounded down, 699,050; the rest, 349,526.
        assertEquals(699_050, new MemoryBudget(1024 * 1024).kinesisBytes());
        assertEquals(349_526, new MemoryBudget(1024 * 1024).logsBytes());
        // Long.MAX_VALUE = 3 x 3,074,457,345,618,258,602 + 1: nothing overflows.
        assertEquals(6_148_914_691_236_517_204L, new MemoryBudget(Long.MAX_VALUE).kinesisBytes());
        assertEquals(3_074_457_345_618_258_603L, new MemoryBudget(Long.MAX_VALUE).logsBytes());
    }

    @Test
    void badSizesAreRefusedWithTheText() {
        assertEquals("'64x' is not " + MemoryBudget.SIZE_FORMS,
                assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("64x")).getMessage());
        assertEquals("'m' is not " + MemoryBudget.SIZE_FORMS,
                assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("m")).getMessage());
        assertEquals("'-1m' is not " + MemoryBudget.SIZE_FORMS,
                assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("-1m")).getMessage());
        assertEquals("'99999999999g' is too large for a memory budget",
                assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("99999999999g")).getMessage());
        assertEquals("memoryBudget must be at least 1048576 bytes (1 MiB), was 1047552",
                assertThrows(IllegalArgumentException.class, () -> MemoryBudget.parse("1023k")).getMessage());
    }

    @Test
    void theBuilderRefusesABudgetBelowOneMebibyteOrWithoutADataDirectory() {
        assertEquals("memoryBudget must be at least 1048576 bytes (1 MiB), was 1000",
                assertThrows(IllegalArgumentException.class, () -> LocalCloud.builder().memoryBudget(1000)).getMessage());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LocalCloud.builder().memoryBudget(8L * 1024 * 1024).build());
        assertEquals("memoryBudget is set (8 MiB (5592405 bytes Kinesis records, 2796203 bytes CloudWatch Logs"
                + " events)) but dataDirectory is not: without a data directory every record and log event stays in"
                + " memory, so no budget applies; set dataDirectory too, or leave memoryBudget unset",
                refused.getMessage());
        assertEquals(new MemoryBudget(8L * 1024 * 1024), LocalCloud.builder().memoryBudget(8L * 1024 * 1024)
                .dataDirectory(Path.of("unused")).build().settings().memoryBudget());
        assertEquals(MemoryBudget.DEFAULT, LocalCloud.builder().build().settings().memoryBudget());
    }
}
