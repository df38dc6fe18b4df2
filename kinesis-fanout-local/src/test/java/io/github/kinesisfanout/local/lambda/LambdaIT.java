package io.github.kinesisfanout.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/** Lambda with the real SDK v2 client (REST-JSON): code from S3, invocations of every type, logs and errors. */
class LambdaIT {

    static final String ROLE = "arn:aws:iam::000000000000:role/lambda-role";
    private LocalCloud cloud;
    private LambdaClient lambda;
    private CloudWatchLogsClient logs;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().build().start();
        lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint());
        logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint());
        try (S3Client s3 = SdkClients.client(S3Client.builder().forcePathStyle(true), cloud.endpoint())) {
            s3.createBucket(b -> b.bucket("code"));
            s3.putObject(p -> p.bucket("code").key("handlers.zip"), RequestBody.fromBytes(HandlerJars.handlerZip()));
        }
    }

    @AfterEach
    void stop() {
        lambda.close();
        logs.close();
        cloud.close();
    }

    @Test
    void createsFromS3AndInvokesEveryWay() {
        CreateFunctionResponse created = lambda.createFunction(c -> c.functionName("echo").runtime(Runtime.JAVA17)
                .handler("example.EchoHandler").role(ROLE).timeout(10).memorySize(512)
                .code(code -> code.s3Bucket("code").s3Key("handlers.zip"))
                .environment(e -> e.variables(java.util.Map.of("GREETING", "hello from env"))));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:echo", created.functionArn());
        lambda.waiter().waitUntilFunctionActiveV2(g -> g.functionName("echo"));

        InvokeResponse response = lambda.invoke(i -> i.functionName("echo").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"order\":42}")));
        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("$LATEST", response.executedVersion());
        String payload = response.payload().asUtf8String();
        assertTrue(payload.contains("\"order\":42"), payload);
        assertTrue(payload.contains("\"greetingFromContext\":\"hello from env\""), payload);
        assertTrue(payload.contains("\"memory\":512"), payload);
        assertTrue(payload.contains("\"sdkRegion\":\"us-east-1\",\"sdkEndpoint\":\"" + cloud.endpoint() + "\""), payload);
        String tail = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertTrue(tail.contains("echo {order=42}") && tail.contains("REPORT RequestId:"), tail);

        InvokeResponse failed = lambda.invoke(i -> i.functionName("echo").payload(SdkBytes.fromUtf8String("{\"fail\":\"x\"}")));
        assertEquals("Unhandled", failed.functionError());
        assertTrue(failed.payload().asUtf8String().contains("\"errorType\":\"java.lang.IllegalStateException\""));

        assertEquals(204, lambda.invoke(i -> i.functionName("echo").invocationType(InvocationType.DRY_RUN)).statusCode());
        InvokeResponse async = lambda.invoke(i -> i.functionName("echo").invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"async\":true}")));
        assertEquals(202, async.statusCode());
        Await.until(Duration.ofSeconds(30), () -> logs.filterLogEvents(f -> f
                .logGroupName("/aws/lambda/echo").filterPattern("\"echo {async=true}\"")).events().size() == 1,
                () -> "waiting until the asynchronous invocation is logged");
    }

    @Test
    void managesFunctions() {
        String arn = lambda.createFunction(c -> c.functionName("managed").runtime(Runtime.JAVA21)
                .handler("example.StreamHandler").role(ROLE).tags(java.util.Map.of("team", "data"))
                .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip())))).functionArn();
        assertEquals("data", lambda.getFunction(g -> g.functionName("managed")).tags().get("team"));
        lambda.tagResource(t -> t.resource(arn).tags(java.util.Map.of("stage", "local")));
        assertEquals(java.util.Map.of("team", "data", "stage", "local"), lambda.listTags(l -> l.resource(arn)).tags());
        var updated = lambda.updateFunctionConfiguration(u -> u.functionName("managed").timeout(30)
                .description("upper-cases"));
        assertEquals(30, updated.timeout());
        assertEquals("upper-cases", lambda.getFunction(g -> g.functionName("managed")).configuration().description());
        assertEquals(1, lambda.listFunctions().functions().size());
        lambda.updateFunctionCode(u -> u.functionName("managed").s3Bucket("code").s3Key("handlers.zip"));
        assertEquals("\"HI\"", lambda.invoke(i -> i.functionName("managed").payload(SdkBytes.fromUtf8String("\"hi\"")))
                .payload().asUtf8String());
        assertThrows(ResourceConflictException.class, () -> lambda.createFunction(c -> c.functionName("managed")
                .runtime(Runtime.JAVA21).handler("example.StreamHandler").role(ROLE)
                .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip())))));
        String statement = lambda.addPermission(a -> a.functionName("managed").statementId("kinesis")
                .action("lambda:InvokeFunction").principal("kinesis.amazonaws.com")
                .sourceArn("arn:aws:kinesis:us-east-1:000000000000:stream/s")).statement();
        assertTrue(statement.contains("\"Service\":\"kinesis.amazonaws.com\""), statement);
        assertThrows(ResourceConflictException.class, () -> lambda.addPermission(a -> a.functionName("managed")
                .statementId("kinesis").action("lambda:InvokeFunction").principal("kinesis.amazonaws.com")));
        assertTrue(lambda.getPolicy(g -> g.functionName("managed")).policy().contains("\"Sid\":\"kinesis\""));
        lambda.removePermission(r -> r.functionName("managed").statementId("kinesis"));
        assertThrows(ResourceNotFoundException.class, () -> lambda.getPolicy(g -> g.functionName("managed")));
        lambda.deleteFunction(d -> d.functionName("managed"));
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunction(g -> g.functionName("managed")));
        assertEquals("Function not found: arn:aws:lambda:us-east-1:000000000000:function:managed",
                missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
    }

    @Test
    void explainsUnsupportedRuntimes() {
        lambda.createFunction(c -> c.functionName("py").runtime(Runtime.PYTHON3_12).handler("index.handler").role(ROLE)
                .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip()))));
        LambdaException error = assertThrows(LambdaException.class, () -> lambda.invoke(i -> i.functionName("py")));
        assertTrue(error.awsErrorDetails().errorMessage().contains("runtime python3.12 is not supported by the local cloud"),
                error.getMessage());
    }
}
