package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the Managed Flink service.
 *
 * @param transitionDelay how long a transient status lasts at least (0 in tests)
 * @param startTimeout how long a job may take to report RUNNING
 * @param stopTimeout how long a stop (with its savepoint) may take
 * @param workDirectory where jobs' jars, properties, logs and savepoints go; null: a temporary directory
 * @param applicationLimit applications per account and region
 */
public record FlinkSettings(Duration transitionDelay, Duration startTimeout, Duration stopTimeout, Path workDirectory,
        int applicationLimit) {

    public static FlinkSettings defaults() {
        return new FlinkSettings(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(1), null, 100);
    }

    public FlinkSettings withTransitionDelay(Duration delay) {
        return new FlinkSettings(delay, startTimeout, stopTimeout, workDirectory, applicationLimit);
    }

    public FlinkSettings withStartTimeout(Duration timeout) {
        return new FlinkSettings(transitionDelay, timeout, stopTimeout, workDirectory, applicationLimit);
    }
}
