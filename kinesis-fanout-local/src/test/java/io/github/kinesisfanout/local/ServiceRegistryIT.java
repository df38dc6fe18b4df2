package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.EdgeResponse;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.WireProtocol;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services register with a wire protocol, are routed by signing name and find each other. */
class ServiceRegistryIT {

    /** A service answering with the operation, path and region it was called with. */
    private static final class EchoService implements AwsService {
        @Override
        public String signingName() {
            return "echo";
        }

        @Override
        public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
            return JsonNodeFactory.instance.objectNode().put("operation", operation).put("region", context.region());
        }
    }

    /** A path-based protocol: the operation is the request path; HEAD answers carry their own length. */
    private static final WireProtocol PATH_PROTOCOL = (request, service, context) -> {
        if (request.method().equals("HEAD")) {
            return new EdgeResponse(200, Map.of("Content-Length", "42"), new byte[0]);
        }
        JsonNode out = service.invoke(request.path().substring(1), JsonNodeFactory.instance.objectNode(), context);
        return new EdgeResponse(200, Map.of("Content-Type", "application/json"),
                out.toString().getBytes(StandardCharsets.UTF_8));
    };

    private static HttpRequest.Builder signed(URI uri, String service, String region) {
        return HttpRequest.newBuilder(uri).header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/"
                + region + "/" + service + "/aws4_request, SignedHeaders=host, Signature=00");
    }

    @Test
    void aRegisteredServiceIsRoutedAndFound() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().build().start()) {
            EchoService echo = cloud.services().register(new EchoService(), PATH_PROTOCOL);
            assertSame(echo, cloud.services().service("echo"));
            assertSame(echo, cloud.services().service(EchoService.class));
            assertSame(cloud.kinesis(), cloud.services().service("kinesis"));
            assertSame(cloud.kinesis(), cloud.services().service(KinesisService.class));
            IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                    () -> cloud.services().service("sqs"));
            assertTrue(missing.getMessage().contains("echo") && missing.getMessage().contains("kinesis"));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> answer = http.send(signed(URI.create(cloud.endpoint() + "/Hello"), "echo",
                    "ap-south-1").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"operation\":\"Hello\",\"region\":\"ap-south-1\"}", answer.body());
            assertTrue(answer.headers().firstValue("x-amzn-RequestId").isPresent());

            HttpResponse<Void> head = http.send(signed(cloud.endpoint(), "echo", "us-east-1")
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals("42", head.headers().firstValue("Content-Length").orElseThrow());
        }
    }

    @Test
    void aFailingCodecAnswersInternalFailureInsteadOfHanging() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().build().start()) {
            cloud.services().register(new EchoService(), (request, service, context) -> {
                throw new IllegalStateException("codec bug");
            });
            HttpResponse<String> answer = HttpClient.newHttpClient().send(signed(cloud.endpoint(), "echo", "us-east-1")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, answer.statusCode());
            // The failure's kind and where to find it in the log; its message stays in the log only.
            assertTrue(answer.body().contains("InternalFailure") && answer.body().contains("IllegalStateException"),
                    answer.body());
        }
    }
}
