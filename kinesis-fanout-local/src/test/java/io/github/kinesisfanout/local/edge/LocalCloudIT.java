package io.github.kinesisfanout.local.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Starting, stopping and isolating local clouds. */
class LocalCloudIT {

    private static int status(LocalCloud cloud, String target, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(cloud.endpoint())
                .header("X-Amz-Target", target).header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void twoCloudsInOneJvmAreIndependent() throws Exception {
        try (LocalCloud one = LocalCloud.builder().build().start();
                LocalCloud two = LocalCloud.builder().accountId("111111111111").build().start()) {
            assertNotEquals(one.endpoint(), two.endpoint());
            assertEquals(200, status(one, "Kinesis_20131202.CreateStream", "{\"StreamName\":\"s\",\"ShardCount\":1}"));
            assertEquals(400, status(two, "Kinesis_20131202.DescribeStream", "{\"StreamName\":\"s\"}"));
            assertEquals(200, status(two, "Kinesis_20131202.CreateStream", "{\"StreamName\":\"s\",\"ShardCount\":1}"));
            one.close();
            assertEquals(200, status(two, "Kinesis_20131202.DescribeStream", "{\"StreamName\":\"s\"}"));
        }
    }

    @Test
    void closeReleasesThePortAndEndpointNeedsStart() throws Exception {
        LocalCloud cloud = LocalCloud.builder().build();
        assertThrows(IllegalStateException.class, cloud::endpoint);
        cloud.start();
        int port = cloud.endpoint().getPort();
        assertTrue(cloud.endpoint().toString().startsWith("http://127.0.0.1:"));
        cloud.close();
        try (ServerSocket again = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, again.getLocalPort());
        }
        try (LocalCloud fixed = LocalCloud.builder().port(port).build().start()) {
            assertEquals(port, fixed.endpoint().getPort());
        }
    }

    @Test
    void badSettingsNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalCloud.builder().accountId("12"));
        assertTrue(e.getMessage().contains("accountId"));
        assertThrows(IllegalArgumentException.class, () -> LocalCloud.builder().putRecordsFailureRate(2));
        assertThrows(IllegalArgumentException.class, () -> LocalCloud.builder().port(70000));
    }
}
