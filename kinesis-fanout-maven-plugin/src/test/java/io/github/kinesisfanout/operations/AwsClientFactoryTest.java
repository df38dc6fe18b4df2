package io.github.kinesisfanout.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Region, credentials, endpoint override and endpoint descriptions of the client factory. */
class AwsClientFactoryTest {

    @Test
    void localCloudNeedsNoRegionNorCredentials() {
        AwsClientFactory factory = new AwsClientFactory(ClientSettings.local(URI.create("http://127.0.0.1:4566")));
        assertEquals("us-east-1", factory.region().id());
        assertEquals("http://127.0.0.1:4566", factory.describeEndpoint("KINESIS"));
    }

    @Test
    void describesTheSdkEndpointVariablesWhenNotOverridden() {
        AwsClientFactory factory = new AwsClientFactory(
                new ClientSettings("eu-west-1", null, null, "AKID", "SECRET", false));
        assertEquals("http://k:1 (AWS_ENDPOINT_URL_KINESIS)", factory.describeEndpoint("kinesis",
                Map.of("AWS_ENDPOINT_URL_KINESIS", "http://k:1", "AWS_ENDPOINT_URL", "http://all:2")::get));
        assertEquals("http://all:2 (AWS_ENDPOINT_URL)",
                factory.describeEndpoint("kinesis", Map.of("AWS_ENDPOINT_URL", "http://all:2")::get));
        assertEquals("AWS region eu-west-1", factory.describeEndpoint("kinesis", name -> null));
    }

    @Test
    void halfOfTheStaticCredentialsIsAnError() {
        FanoutException e = assertThrows(FanoutException.class, () -> new AwsClientFactory(
                new ClientSettings("us-east-1", null, null, "AKID", null, false)));
        assertTrue(e.getMessage().startsWith("<accessKey> and <secretKey> go together"), e.getMessage());
    }

    @Test
    void loopbackEndpointsAreLocal() {
        assertTrue(ClientSettings.isLoopback(URI.create("http://localhost:4566")));
        assertTrue(ClientSettings.isLoopback(URI.create("http://127.0.0.1:1")));
        assertEquals(false, ClientSettings.isLoopback(URI.create("https://kinesis.us-east-1.amazonaws.com")));
    }

    @Test
    void buildsClientsWithTheOverride() {
        AwsClientFactory factory = new AwsClientFactory(ClientSettings.local(URI.create("http://127.0.0.1:4566")));
        try (var kinesis = factory.kinesis(); var s3 = factory.s3()) {
            assertEquals("us-east-1", kinesis.serviceClientConfiguration().region().id());
            assertEquals(URI.create("http://127.0.0.1:4566"), kinesis.serviceClientConfiguration().endpointOverride().get());
            assertEquals(URI.create("http://127.0.0.1:4566"), s3.serviceClientConfiguration().endpointOverride().get());
        }
    }
}
