package io.github.kinesisfanout.operations;

import io.github.kinesisfanout.local.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One local cloud on a free port for all the tests of a class, with the client factory the operations use. */
public abstract class SharedLocalCloud {

    protected static LocalCloud cloud;
    protected static AwsClientFactory clients;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.builder().port(0).build().start();
        clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }
}
