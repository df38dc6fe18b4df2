package io.github.kinesisfanout.sql.plan;

import java.time.Clock;

/**
 * What a running instance gives its evaluators: the clock of CURRENT_ROW_TIMESTAMP and the start time
 * CURRENT_TIMESTAMP is fixed at ("fixed at the moment the query starts", reference §4.7).
 */
public final class RunContext {

    private final Clock clock;
    private final long startMillis;

    public RunContext(Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    public long nowMillis() {
        return clock.millis();
    }

    public long startMillis() {
        return startMillis;
    }
}
