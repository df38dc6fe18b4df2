package io.github.kinesisfanout.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting for a state with progress lines and a timeout. */
class PollingTest {

    private final List<String> lines = new ArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
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

    @Test
    void pollsUntilDoneAndLogsEachIntermediateState() {
        Iterator<String> states = List.of("CREATING", "CREATING", "ACTIVE").iterator();
        String last = new Polling(Duration.ofSeconds(30), Duration.ofMillis(1), listener)
                .until("stream Transactions", states::next, "ACTIVE"::equals);
        assertEquals("ACTIVE", last);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).matches("stream Transactions: CREATING, \\d+ s"), lines.get(0));
    }

    @Test
    void givesUpAtTheTimeoutNamingTheSetting() {
        FanoutException e = assertThrows(FanoutException.class, () -> new Polling(Duration.ofMillis(30),
                Duration.ofMillis(5), listener).until("stream Transactions", () -> "CREATING", "ACTIVE"::equals));
        assertEquals("stream Transactions is still CREATING after 0 s: raise <waitTimeout>"
                + " (-Dfanout.waitTimeout=SECONDS) if it is only slow", e.getMessage());
    }
}
