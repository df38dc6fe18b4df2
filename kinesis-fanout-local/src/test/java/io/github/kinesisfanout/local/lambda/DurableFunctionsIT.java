package io.github.kinesisfanout.local.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Functions (configuration, code, tags, resource policy) survive a restart on a data directory and still run. */
class DurableFunctionsIT {

    @TempDir
    Path dir;

    @Test
    void functionsComeBackAndRunAfterARestart() {
        String sha;
        String policy;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                LambdaClient lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint())) {
            String arn = lambda.createFunction(c -> c.functionName("upper").runtime(Runtime.JAVA21)
                    .handler("example.StreamHandler").role(LambdaIT.ROLE).tags(Map.of("team", "data"))
                    .code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip())))).functionArn();
            lambda.tagResource(t -> t.resource(arn).tags(Map.of("stage", "local")));
            lambda.updateFunctionConfiguration(u -> u.functionName("upper").timeout(30).description("upper-cases"));
            lambda.addPermission(p -> p.functionName("upper").statementId("s3").action("lambda:InvokeFunction")
                    .principal("s3.amazonaws.com"));
            lambda.createFunction(c -> c.functionName("gone").runtime(Runtime.JAVA21).handler("example.StreamHandler")
                    .role(LambdaIT.ROLE).code(code -> code.zipFile(SdkBytes.fromByteArray(HandlerJars.handlerZip()))));
            lambda.deleteFunction(d -> d.functionName("gone"));
            sha = lambda.getFunction(g -> g.functionName("upper")).configuration().codeSha256();
            policy = lambda.getPolicy(g -> g.functionName("upper")).policy();
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                LambdaClient lambda = SdkClients.client(LambdaClient.builder(), cloud.endpoint())) {
            var function = lambda.getFunction(g -> g.functionName("upper"));
            assertEquals(30, function.configuration().timeout());
            assertEquals("upper-cases", function.configuration().description());
            assertEquals(sha, function.configuration().codeSha256());
            assertEquals("Active", function.configuration().stateAsString());
            assertEquals(Map.of("team", "data", "stage", "local"), function.tags());
            assertEquals(policy, lambda.getPolicy(g -> g.functionName("upper")).policy());
            assertEquals(1, lambda.listFunctions().functions().size());
            assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(g -> g.functionName("gone")));
            assertEquals("\"HI\"", lambda.invoke(i -> i.functionName("upper").payload(SdkBytes.fromUtf8String("\"hi\"")))
                    .payload().asUtf8String());
            assertTrue(policy.contains("s3.amazonaws.com"));
        }
    }
}
