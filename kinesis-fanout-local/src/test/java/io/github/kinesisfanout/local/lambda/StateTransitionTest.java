package io.github.kinesisfanout.local.lambda;

import static io.github.kinesisfanout.local.lambda.LambdaServiceTest.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With a state delay, functions are Pending before Active and mappings Creating before Enabled, as in Lambda. */
class StateTransitionTest {

    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/s";
    private final RequestContext context = new RequestContext("r", "000000000000", "us-east-1");
    private final InMemoryStreamAccess streams = new InMemoryStreamAccess();
    private final ServiceContext cloud = ServiceContext.inMemory(Clock.systemUTC())
            .withStatusTransitionDelay(Duration.ofMillis(300));
    private final LambdaService lambda = new LambdaService(cloud, new LambdaSettings(Duration.ofMillis(50),
            Duration.ofMillis(10)), new S3Service(cloud), new LogsService(cloud), streams);

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void functionsAndMappingsTransitionAfterTheDelay() {
        ObjectNode create = LambdaServiceTest.function("slowstart", "example.EchoHandler");
        create.putObject("Code").put("ZipFile", HandlerJars.handlerZip());
        assertEquals("Pending", lambda.invoke("CreateFunction", create, context).path("State").asText());
        AwsServiceException pending = assertThrows(AwsServiceException.class, () -> lambda.invoke("Invoke",
                object().put("FunctionName", "slowstart"), context));
        assertEquals("ResourceConflictException", pending.errorCode());
        assertEquals("The operation cannot be performed at this time. The function is currently in the following"
                + " state: Pending", pending.getMessage());
        Await.until(Duration.ofSeconds(30), () -> state("GetFunctionConfiguration",
                object().put("FunctionName", "slowstart")).equals("Active"),
                        () -> "waiting until the function is Active");

        streams.createStream(STREAM, 1);
        JsonNode mapping = lambda.invoke("CreateEventSourceMapping", object().put("FunctionName", "slowstart")
                .put("EventSourceArn", STREAM).put("StartingPosition", "LATEST"), context);
        assertEquals("Creating", mapping.path("State").asText());
        ObjectNode byId = object().put("UUID", mapping.path("UUID").asText());
        Await.until(Duration.ofSeconds(30), () -> state("GetEventSourceMapping", byId).equals("Enabled"),
                () -> "waiting until the mapping is Enabled");
        assertEquals("Disabling", lambda.invoke("UpdateEventSourceMapping", byId.deepCopy().put("Enabled", false),
                context).path("State").asText());
        Await.until(Duration.ofSeconds(30), () -> state("GetEventSourceMapping", byId).equals("Disabled"),
                () -> "waiting until the mapping is Disabled");
    }

    private String state(String operation, ObjectNode input) {
        return lambda.invoke(operation, input, context).path("State").asText();
    }
}
