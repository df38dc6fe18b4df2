package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** A fresh local cloud per test on a clock the test moves, with a real Kinesis client (CBOR), closed after the test. */
abstract class ClockedKinesisFixture {

    protected final MutableClock clock = new MutableClock();
    protected LocalCloud cloud;
    protected KinesisClient kinesis;

    @BeforeEach
    void startCloud() {
        cloud = LocalCloud.builder().clock(clock).build().start();
        kinesis = KinesisClients.cbor(cloud.endpoint());
    }

    @AfterEach
    void stopCloud() {
        kinesis.close();
        cloud.close();
    }
}
