package io.github.kinesisfanout.local.analytics;

/**
 * The analytics service's own settings. How long STARTING, STOPPING, UPDATING and DELETING stay
 * observable is the cloud's status-transition delay, from the
 * {@link io.github.kinesisfanout.local.ServiceContext} like every service's.
 *
 * @param applicationLimit applications per region (AWS: 50, a soft limit)
 */
public record AnalyticsSettings(int applicationLimit) {

    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings(50);
    }
}
