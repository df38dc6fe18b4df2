package io.github.kinesisfanout.local.analyticsv2;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The Managed Flink service's own settings. How long a transient status lasts at least is the
 * cloud's status-transition delay, from the {@link io.github.kinesisfanout.local.ServiceContext} like
 * every service's.
 *
 * @param startTimeout how long a job may take to report RUNNING
 * @param stopTimeout how long a stop (with its savepoint) may take
 * @param workDirectory where jobs' jars, properties, logs and savepoints go; null: a temporary directory
 * @param applicationLimit applications per account and region
 */
public record FlinkSettings(Duration startTimeout, Duration stopTimeout, Path workDirectory, int applicationLimit) {

    public static FlinkSettings defaults() {
        return new FlinkSettings(Duration.ofMinutes(2), Duration.ofMinutes(1), null, 100);
    }

    public FlinkSettings withStartTimeout(Duration timeout) {
        return new FlinkSettings(timeout, stopTimeout, workDirectory, applicationLimit);
    }
}
