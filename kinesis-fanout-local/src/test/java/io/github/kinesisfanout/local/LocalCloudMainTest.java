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
}
