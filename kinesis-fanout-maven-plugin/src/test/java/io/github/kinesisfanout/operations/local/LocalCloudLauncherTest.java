package io.github.kinesisfanout.operations.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.MemoryBudget;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start-local's and run-local's memory budget: read as a size, refused when malformed or without a data directory. */
class LocalCloudLauncherTest {

    @TempDir
    Path dir;

    @Test
    void theBudgetReachesTheCloudAndItsStartLine() {
        List<String> lines = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void debug(String message) {
            }
        };
        try (LocalCloud cloud = new LocalCloudLauncher(listener).start("127.0.0.1", 0, null, false, dir, "3m", null)) {
            assertEquals(new MemoryBudget(3L * 1024 * 1024), cloud.settings().memoryBudget());
            assertEquals(List.of("Local cloud listening on " + cloud.endpoint() + ", state kept in " + dir
                    + ", memory budget 3 MiB (2 MiB Kinesis records, 1 MiB CloudWatch Logs events)"), lines);
        }
    }

    @Test
    void unsetOrBlankIsTheDefault() {
        assertNull(LocalCloudLauncher.memoryBudget(null, null));
        assertNull(LocalCloudLauncher.memoryBudget(" ", dir));
        assertEquals(new MemoryBudget(1L << 30), LocalCloudLauncher.memoryBudget("1g", dir));
    }

    @Test
    void aBadBudgetOrOneWithoutADataDirectoryIsRefusedNamingTheParameter() {
        assertEquals("<memoryBudget> is 'lots' but it must be " + MemoryBudget.SIZE_FORMS + ", at least 1m: fix it in"
                + " the plugin configuration or pass -Dfanout.localMemoryBudget=...",
                assertThrows(FanoutException.class, () -> LocalCloudLauncher.memoryBudget("lots", dir)).getMessage());
        assertEquals("<memoryBudget> is '100k' but it must be " + MemoryBudget.SIZE_FORMS + ", at least 1m: fix it in"
                + " the plugin configuration or pass -Dfanout.localMemoryBudget=...",
                assertThrows(FanoutException.class, () -> LocalCloudLauncher.memoryBudget("100k", dir)).getMessage());
        assertEquals("<memoryBudget> is '64m' but <dataDir> is not set: without a data directory the local cloud keeps"
                + " every record and log event in memory, so no budget applies; set <dataDir> (or pass"
                + " -Dfanout.localDataDir=DIR) or remove <memoryBudget> (-Dfanout.localMemoryBudget)",
                assertThrows(FanoutException.class, () -> LocalCloudLauncher.memoryBudget("64m", null)).getMessage());
    }
}
