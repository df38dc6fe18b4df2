package io.github.kinesisfanout.operations.app;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/** engine=sql against AWS: an error of the retired SQL service names the command that runs the build on Managed Flink. */
class RetiredServiceMessageIT {

    @Test
    void anErrorFromTheRetiredServiceNamesTheFlinkCommand() {
        try (LocalCloud cloud = LocalCloud.builder().port(0).build().start();
                KinesisAnalyticsClient client = new AwsClientFactory(ClientSettings.local(cloud.endpoint()))
                        .client(KinesisAnalyticsClient.builder())) {
            // The local cloud stands in for AWS: realAws=true, as when no endpoint is configured.
            AnalyticsApps apps = new AnalyticsApps(client, ProgressListener.NONE, Duration.ofSeconds(5), true,
                    "mvn verify -Paws -Dfanout.engine=flink");
            FanoutException e = assertThrows(FanoutException.class, () -> apps.call(() -> client.createApplication(r -> r
                    .applicationName("not a valid name!"))));
            assertTrue(e.getMessage().contains("Exception: "), e.getMessage());
            assertTrue(e.getMessage().contains("Kinesis Data Analytics for SQL is retired by AWS"), e.getMessage());
            assertTrue(e.getMessage().contains("Run the same application on Managed Service for Apache Flink (translated"
                    + " to Flink SQL): mvn verify -Paws -Dfanout.engine=flink;"), e.getMessage());
        }
    }
}
