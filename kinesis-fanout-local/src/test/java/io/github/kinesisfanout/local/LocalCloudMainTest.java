package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The command line of the standalone jar. */
class LocalCloudMainTest {

    @Test
    void optionsReachTheSettings() {
        LocalCloudSettings settings = LocalCloudMain.parse(new String[] {"--port", "4567", "--host", "0.0.0.0",
                "--region", "eu-west-1", "--status-delay-ms", "250", "--throughput-limits",
                "--put-records-failure-rate", "0.1", "--lambda-failure-rate", "0.01", "--fault-seed", "42"})
                .build().settings();
        assertEquals(0.01, settings.lambdaFailureRate());
        assertEquals(42L, settings.faultSeed());
        assertEquals(0.0, LocalCloudMain.parse(new String[0]).build().settings().lambdaFailureRate());
        assertEquals(null, LocalCloudMain.parse(new String[0]).build().settings().faultSeed());
        assertEquals(4567, settings.port());
        assertEquals("0.0.0.0", settings.host());
        assertEquals("eu-west-1", settings.region());
        assertEquals(Duration.ofMillis(250), settings.statusTransitionDelay());
        assertTrue(settings.throughputLimits());
        assertEquals(0.1, settings.putRecordsFailureRate());
        assertEquals(4566, LocalCloudMain.parse(new String[0]).build().settings().port());
        assertTrue(LocalCloudMain.parse(new String[0]).build().settings().functionLogsToConsole());
        assertFalse(LocalCloudMain.parse(new String[] {"--function-logs", "logs"}).build().settings()
                .functionLogsToConsole());
    }

    @Test
    void badOptionsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"--prot", "1"}))
                .getMessage().contains("--prot"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"--port", "x"}))
                .getMessage().contains("--port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"--port"}))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalCloudMain.parse(new String[] {"--function-logs", "loud"})).getMessage().contains("console or logs"));
        assertEquals("lambdaFailureRate must be between 0 and 1, was 1.5", assertThrows(IllegalArgumentException.class,
                () -> LocalCloudMain.parse(new String[] {"--lambda-failure-rate", "1.5"})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LocalCloudMain.parse(new String[] {"--fault-seed", "x"})).getMessage().contains("--fault-seed"));
    }

    @Test
    void theMemoryBudgetTakesSizesAndNeedsADataDirectory() {
        assertEquals(new MemoryBudget(1L << 30), LocalCloudMain.parse(new String[] {"--data-dir", "unused",
                "--memory-budget", "1g"}).build().settings().memoryBudget());
        assertEquals(new MemoryBudget(64L << 20), LocalCloudMain.parse(new String[] {"--memory-budget", "64m",
                "--data-dir", "unused"}).build().settings().memoryBudget());
        assertEquals(new MemoryBudget(2_000_000), LocalCloudMain.parse(new String[] {"--data-dir", "unused",
                "--memory-budget", "2000000"}).build().settings().memoryBudget());
        assertEquals(MemoryBudget.DEFAULT, LocalCloudMain.parse(new String[] {"--data-dir", "unused"}).build()
                .settings().memoryBudget());
        assertEquals("option --memory-budget needs " + MemoryBudget.SIZE_FORMS + ", at least 1m; got 'lots'",
                assertThrows(IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"--data-dir", "d",
                        "--memory-budget", "lots"})).getMessage());
        assertEquals("option --memory-budget needs " + MemoryBudget.SIZE_FORMS + ", at least 1m; got '512k'",
                assertThrows(IllegalArgumentException.class, () -> LocalCloudMain.parse(new String[] {"--data-dir", "d",
                        "--memory-budget", "512k"})).getMessage());
        assertEquals("option --memory-budget 64m needs --data-dir DIR: without a data directory every record and log"
                + " event stays in memory, so no budget applies", assertThrows(IllegalArgumentException.class,
                () -> LocalCloudMain.parse(new String[] {"--memory-budget", "64m"})).getMessage());
    }
}
