package io.github.kinesisfanout.local.conformance;

import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Valid requests for every Lambda operation the local cloud implements, plus a few that fail. */
final class LambdaFlow {

    static final String ROLE = "arn:aws:iam::000000000000:role/conform";

    private LambdaFlow() {
    }

    /** Answers the function's ARN. */
    static String run(LambdaClient lambda, String streamArn) {
        SdkBytes zip = SdkBytes.fromByteArray(HandlerJars.handlerZip());
        String arn = lambda.createFunction(r -> r.functionName("conform").runtime(Runtime.JAVA17)
                .handler("example.EchoHandler").role(ROLE).code(c -> c.zipFile(zip))).functionArn();
        Clients.await("function Active", Duration.ofSeconds(10), () -> lambda.getFunctionConfiguration(
                r -> r.functionName("conform")).stateAsString().equals("Active"));
        lambda.getFunction(r -> r.functionName("conform"));
        lambda.listFunctions(r -> { });
        lambda.updateFunctionConfiguration(r -> r.functionName("conform").timeout(30).memorySize(512));
        lambda.updateFunctionCode(r -> r.functionName("conform").zipFile(zip));
        lambda.invoke(r -> r.functionName("conform").payload(SdkBytes.fromUtf8String("{\"a\":1}")));
        lambda.addPermission(r -> r.functionName("conform").statementId("s3").action("lambda:InvokeFunction")
                .principal("s3.amazonaws.com"));
        lambda.getPolicy(r -> r.functionName("conform"));
        lambda.removePermission(r -> r.functionName("conform").statementId("s3"));
        lambda.tagResource(r -> r.resource(arn).tags(java.util.Map.of("team", "data")));
        lambda.listTags(r -> r.resource(arn));
        String uuid = lambda.createEventSourceMapping(r -> r.functionName("conform").eventSourceArn(streamArn)
                .startingPosition("TRIM_HORIZON").batchSize(10)).uuid();
        lambda.getEventSourceMapping(r -> r.uuid(uuid));
        lambda.listEventSourceMappings(r -> r.functionName("conform"));
        lambda.updateEventSourceMapping(r -> r.uuid(uuid).batchSize(20));
        lambda.deleteEventSourceMapping(r -> r.uuid(uuid));
        Clients.expectError(() -> lambda.getFunction(r -> r.functionName("missing")));
        Clients.expectError(() -> lambda.listLayers(r -> { }));
        lambda.deleteFunction(r -> r.functionName("conform"));
        return arn;
    }
}
