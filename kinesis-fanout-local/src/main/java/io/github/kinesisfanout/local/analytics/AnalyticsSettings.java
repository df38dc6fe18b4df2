package io.github.kinesisfanout.local.analytics;

import java.time.Duration;

/**
 * Settings of the analytics service.
 *
 * @param transitionDelay how long STARTING, STOPPING, UPDATING and DELETING stay observable (0: the
 *     call returns with the application settled)
 * @param applicationLimit applications per region (AWS: 50, a soft limit)
 */
public record AnalyticsSettings(Duration transitionDelay, int applicationLimit) {

    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(Duration.ZERO, 50);
    }

    public AnalyticsSettings withTransitionDelay(Duration delay) {
        return new AnalyticsSettings(delay, applicationLimit);
    }
}
