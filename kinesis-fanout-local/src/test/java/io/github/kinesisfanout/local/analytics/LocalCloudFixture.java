package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.LocalCloud;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/** A fresh local cloud per test with real Kinesis Analytics and Kinesis SDK clients to it, closed after the test. */
abstract class LocalCloudFixture {

    protected LocalCloud cloud;
    protected KinesisAnalyticsClient analytics;
    protected KinesisClient kinesis;

    @BeforeEach
    void startCloud() {
        cloud = LocalCloud.builder().build().start();
        analytics = AnalyticsClients.analytics(cloud.endpoint());
        kinesis = AnalyticsClients.kinesis(cloud.endpoint());
    }

    @AfterEach
    void stopCloud() {
        analytics.close();
        kinesis.close();
        cloud.close();
    }
}
