package io.github.kinesisfanout.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.Await;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.InMemoryStreamAccess;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Lambda service without HTTP: functions, Java handlers, their Context, logs, errors and timeouts. */
class LambdaServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RequestContext context = new RequestContext("req", "123456789012", "eu-west-1");
    private final ServiceContext cloud = ServiceContext.inMemory(java.time.Clock.systemUTC());
    private final S3Service s3 = new S3Service(cloud);
    private final LogsService logs = new LogsService(cloud);
    private final LambdaService lambda = new LambdaService(cloud, LambdaSettings.defaults(), s3, logs,
            new InMemoryStreamAccess());

    @AfterEach
    void close() {
        lambda.close();
    }

    @Test
    void createsFromS3AndInvokesARequestHandlerWithContextEnvironmentAndLogs() throws Exception {
        s3.invoke("CreateBucket", object().put("Bucket", "code"), context);
        s3.invoke("PutObject", object().put("Bucket", "code").put("Key", "echo.zip").put("Body", HandlerJars.handlerZip()),
                context);
        ObjectNode create = function("echo", "example.EchoHandler");
        create.putObject("Code").put("S3Bucket", "code").put("S3Key", "echo.zip");
        create.putObject("Environment").putObject("Variables").put("GREETING", "hi there");
        JsonNode created = lambda.invoke("CreateFunction", create, context);
        assertEquals("Active", created.path("State").asText());
        assertEquals("arn:aws:lambda:eu-west-1:123456789012:function:echo", created.path("FunctionArn").asText());

        JsonNode output = invoke("echo", "{\"hello\":\"world\"}");
        assertNull(output.get("FunctionError"));
        JsonNode payload = JSON.readTree(output.get("Payload").binaryValue());
        assertEquals("world", payload.path("input").path("hello").asText());
        assertEquals("echo", payload.path("functionName").asText());
        assertEquals(128, payload.path("memory").asInt());
        assertTrue(payload.path("remainingPositive").asBoolean());
        assertEquals("/aws/lambda/echo", payload.path("logGroup").asText());
        assertEquals("hi there", payload.path("greetingFromContext").asText());
        assertEquals("hi there", payload.path("greetingFromProperty").asText());
        assertEquals("eu-west-1", payload.path("region").asText());
        assertFalse(payload.path("jacksonVisible").asBoolean(), "the local cloud's Jackson leaks into the function");
        assertFalse(payload.path("localCloudVisible").asBoolean(), "the local cloud's classes leak into the function");

        JsonNode second = JSON.readTree(invoke("echo", "{}").get("Payload").binaryValue());
        assertEquals(2, second.path("invocations").asInt(), "a warm environment keeps its static state");

        JsonNode events = logs.invoke("FilterLogEvents", object().put("logGroupName", "/aws/lambda/echo"), context);
        String text = events.path("events").toString();
        assertTrue(text.contains("echo {hello=world}"), text);
        assertTrue(text.contains("stdout says hello"), text);
        assertTrue(text.contains("START RequestId: " + payload.path("requestId").asText()), text);
        assertTrue(text.contains("REPORT RequestId: "), text);
    }

    @Test
    void printsFunctionLogLinesOnTheConsoleOnlyWhenAskedTo() throws Exception {
        java.io.PrintStream before = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
        try (LambdaService quiet = new LambdaService(cloud, LambdaSettings.defaults().withLogsToConsole(false), s3, logs,
                new InMemoryStreamAccess())) {
            quiet.invoke("CreateFunction", zipFunction("quiet", "example.EchoHandler"), context);
            quiet.invoke("Invoke", object().put("FunctionName", "quiet").put("Payload",
                    "{}".getBytes(StandardCharsets.UTF_8)), context);
            lambda.invoke("CreateFunction", zipFunction("loud", "example.EchoHandler"), context);
            invoke("loud", "{}");
        } finally {
            System.setOut(before);
        }
        String console = printed.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("[loud] START RequestId: "), console);
        assertFalse(console.contains("[quiet]"), console);
        String kept = logs.invoke("FilterLogEvents", object().put("logGroupName", "/aws/lambda/quiet"), context)
                .path("events").toString();
        assertTrue(kept.contains("START RequestId: "), "the quiet function's lines still reach CloudWatch Logs: " + kept);
    }

    @Test
    void reportsHandlerErrorsAsUnhandledFunctionErrors() throws Exception {
        lambda.invoke("CreateFunction", zipFunction("failing", "example.EchoHandler"), context);
        JsonNode output = invoke("failing", "{\"fail\":\"boom\"}");
        assertEquals("Unhandled", output.path("FunctionError").asText());
        JsonNode error = JSON.readTree(output.get("Payload").binaryValue());
        assertEquals("java.lang.IllegalStateException", error.path("errorType").asText());
        assertEquals("asked to fail: boom", error.path("errorMessage").asText());
        assertTrue(error.path("stackTrace").isArray());
    }

    @Test
    void reportsAMissingHandlerClassAsAFunctionError() throws Exception {
        lambda.invoke("CreateFunction", zipFunction("missing", "example.Missing"), context);
        JsonNode output = invoke("missing", "{}");
        assertEquals("Unhandled", output.path("FunctionError").asText());
        assertEquals("Class not found: example.Missing",
                JSON.readTree(output.get("Payload").binaryValue()).path("errorMessage").asText());
    }

    @Test
    void retriesFailedAsynchronousInvocationsTwice() {
        LogsService fastLogs = new LogsService(cloud);
        try (LambdaService fast = new LambdaService(cloud, new LambdaSettings(
                java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(5)), s3, fastLogs, new InMemoryStreamAccess())) {
            fast.invoke("CreateFunction", zipFunction("async", "example.EchoHandler"), context);
            JsonNode accepted = fast.invoke("Invoke", object().put("FunctionName", "async").put("InvocationType", "Event")
                    .put("Payload", "{\"fail\":\"later\"}".getBytes(StandardCharsets.UTF_8)), context);
            assertEquals(202, accepted.path("StatusCode").asInt());
            ObjectNode filter = object().put("logGroupName", "/aws/lambda/async").put("filterPattern", "\"echo {fail=later}\"");
            Await.until(Duration.ofSeconds(30), () -> {
                try {
                    return fastLogs.invoke("FilterLogEvents", filter, context).path("events").size() == 3;
                } catch (AwsServiceException notYet) {
                    return false;
                }
            }, () -> "waiting until three attempts are logged");
        }
    }

    @Test
    void enforcesTheTimeout() throws Exception {
        ObjectNode create = zipFunction("slow", "example.SlowHandler::sleep");
        create.put("Timeout", 1);
        lambda.invoke("CreateFunction", create, context);
        JsonNode output = invoke("slow", "\"zzz\"");
        assertEquals("Unhandled", output.path("FunctionError").asText());
        String error = new String(output.get("Payload").binaryValue(), StandardCharsets.UTF_8);
        assertTrue(error.contains("Task timed out after 1.00 seconds"), error);
    }

    @Test
    void runsStreamHandlersAndStaticMethodHandlers() throws Exception {
        lambda.invoke("CreateFunction", zipFunction("stream", "example.StreamHandler"), context);
        assertEquals("\"ABC\"", new String(invoke("stream", "\"abc\"").get("Payload").binaryValue(), StandardCharsets.UTF_8));
        lambda.invoke("CreateFunction", zipFunction("shout", "example.SlowHandler::shout"), context);
        assertEquals("\"HEY\"", new String(invoke("shout", "\"hey\"").get("Payload").binaryValue(), StandardCharsets.UTF_8));
    }

    @Test
    void answersLambdaErrors() {
        lambda.invoke("CreateFunction", zipFunction("twice", "example.EchoHandler"), context);
        AwsServiceException conflict = assertThrows(AwsServiceException.class,
                () -> lambda.invoke("CreateFunction", zipFunction("twice", "example.EchoHandler"), context));
        assertEquals("ResourceConflictException", conflict.errorCode());
        assertEquals(409, conflict.httpStatus());
        AwsServiceException missing = assertThrows(AwsServiceException.class,
                () -> lambda.invoke("GetFunction", object().put("FunctionName", "nope"), context));
        assertEquals("ResourceNotFoundException", missing.errorCode());
        assertEquals("Function not found: arn:aws:lambda:eu-west-1:123456789012:function:nope", missing.getMessage());
        ObjectNode python = function("py", "index.handler");
        python.put("Runtime", "python3.12");
        python.putObject("Code").put("ZipFile", HandlerJars.handlerZip());
        lambda.invoke("CreateFunction", python, context);
        AwsServiceException unsupported = assertThrows(AwsServiceException.class, () -> invoke("py", "{}"));
        assertTrue(unsupported.getMessage().contains("runtime python3.12 is not supported by the local cloud"));
        ObjectNode noCode = function("nocode", "example.EchoHandler");
        noCode.putObject("Code").put("S3Bucket", "missing-bucket").put("S3Key", "x.zip");
        AwsServiceException s3Error = assertThrows(AwsServiceException.class,
                () -> lambda.invoke("CreateFunction", noCode, context));
        assertEquals("InvalidParameterValueException", s3Error.errorCode());
        assertTrue(s3Error.getMessage().contains("S3 Error Code: NoSuchBucket"), s3Error.getMessage());
    }

    @Test
    void updatesConfigurationAndCode() throws Exception {
        lambda.invoke("CreateFunction", zipFunction("changing", "example.EchoHandler"), context);
        ObjectNode update = object().put("FunctionName", "changing").put("Handler", "example.StreamHandler")
                .put("MemorySize", 256);
        JsonNode updated = lambda.invoke("UpdateFunctionConfiguration", update, context);
        assertEquals(256, updated.path("MemorySize").asInt());
        assertEquals("\"X\"", new String(invoke("changing", "\"x\"").get("Payload").binaryValue(), StandardCharsets.UTF_8));
        JsonNode code = lambda.invoke("UpdateFunctionCode",
                object().put("FunctionName", "changing").put("ZipFile", HandlerJars.handlerZip()), context);
        assertEquals(HandlerJars.handlerZip().length, code.path("CodeSize").asInt());
        assertEquals(1, lambda.invoke("ListFunctions", object(), context).path("Functions").size());
        lambda.invoke("DeleteFunction", object().put("FunctionName", "changing"), context);
        assertEquals(0, lambda.invoke("ListFunctions", object(), context).path("Functions").size());
    }

    private JsonNode invoke(String name, String payload) {
        return lambda.invoke("Invoke", object().put("FunctionName", name)
                .put("Payload", payload.getBytes(StandardCharsets.UTF_8)), context);
    }

    private static ObjectNode zipFunction(String name, String handler) {
        ObjectNode create = function(name, handler);
        create.putObject("Code").put("ZipFile", HandlerJars.handlerZip());
        return create;
    }

    static ObjectNode function(String name, String handler) {
        return object().put("FunctionName", name).put("Runtime", "java17").put("Handler", handler)
                .put("Role", "arn:aws:iam::123456789012:role/lambda-role");
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
