package io.github.kinesisfanout.operations.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.SharedLocalCloud;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** deploy-stack and delete-stack operations with the real SDK against an in-process local cloud. */
class DeployStackOperationIT extends SharedLocalCloud {

    private static final String TEMPLATE = """
            Parameters:
              Prefix: {Type: String}
            Resources:
              Input:
                Type: AWS::Kinesis::Stream
                Properties: {Name: !Sub "${Prefix}Input", ShardCount: 1}
            Outputs:
              InputArn: {Value: !GetAtt Input.Arn}
            """;

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ProgressListener listener = new ProgressListener() {
        @Override
        public void info(String message) {
            log.add(message);
        }

        @Override
        public void warn(String message) {
            log.add("WARN " + message);
        }

        @Override
        public void debug(String message) {
        }
    };

    private StackSettings settings(String name, String template) throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, template);
        return new StackSettings().stackName(name).templateFile(file).baseDirectory(dir)
                .outputsFile(dir.resolve(name + "-outputs.json")).waitTimeout(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20));
    }

    @Test
    void deploysUpdatesIsIdempotentAndDeletes() throws Exception {
        DeployStackOperation deploy = new DeployStackOperation(clients, listener);
        DeployResult created = deploy.run(settings("happy", TEMPLATE).parameters(Map.of("Prefix", "Happy")));
        assertEquals("CREATE_COMPLETE", created.status());
        assertEquals("arn:aws:kinesis:us-east-1:000000000000:stream/HappyInput", created.outputs().get("InputArn"));
        assertTrue(log.contains("  Input AWS::Kinesis::Stream CREATE_COMPLETE"), log.toString());
        JsonNode file = new ObjectMapper().readTree(dir.resolve("happy-outputs.json").toFile());
        assertEquals(created.outputs().get("InputArn"), file.at("/Outputs/InputArn").asText());

        DeployResult again = deploy.run(settings("happy", TEMPLATE).parameters(Map.of("Prefix", "Happy")));
        assertFalse(again.changed());
        assertEquals("CREATE_COMPLETE", again.status());
        assertTrue(log.contains("Stack happy is up to date: No updates are to be performed."));

        DeployResult preview = deploy.run(settings("happy", TEMPLATE.replace("ShardCount: 1", "ShardCount: 2"))
                .parameters(Map.of("Prefix", "Happy")).preview(true));
        assertEquals("PREVIEW", preview.status());
        assertEquals(2, preview.previewTable().size(), preview.previewTable().toString());
        assertTrue(preview.previewTable().get(1).matches("Modify +Input +AWS::Kinesis::Stream +False +ShardCount"),
                preview.previewTable().get(1));
        try (KinesisClient kinesis = clients.kinesis()) {
            assertEquals(1, kinesis.describeStreamSummary(b -> b.streamName("HappyInput"))
                    .streamDescriptionSummary().openShardCount(), "a preview executes nothing");
        }

        assertTrue(new DeleteStackOperation(clients, listener).run("happy", Duration.ofSeconds(30), Duration.ofMillis(20)));
        assertFalse(new DeleteStackOperation(clients, listener).run("happy", Duration.ofSeconds(30), Duration.ofMillis(20)));
        assertTrue(log.contains("Stack happy does not exist: nothing to delete"));
    }

    @Test
    void failureNamesTheRootCauseAndARolledBackStackIsReplaced() throws Exception {
        String broken = TEMPLATE.replace("Outputs:", """
                  Queue: {Type: AWS::SQS::Queue, DependsOn: Input}
                Outputs:""");
        DeployStackOperation deploy = new DeployStackOperation(clients, listener);
        FanoutException e = assertThrows(FanoutException.class,
                () -> deploy.run(settings("rollback", broken).parameters(Map.of("Prefix", "Rb"))));
        assertEquals("Stack rollback failed (ROLLBACK_COMPLETE): Queue AWS::SQS::Queue CREATE_FAILED: Resource type"
                + " AWS::SQS::Queue is not supported by the local cloud", e.getMessage());
        DeployResult fixed = deploy.run(settings("rollback", TEMPLATE).parameters(Map.of("Prefix", "Rb")));
        assertEquals("CREATE_COMPLETE", fixed.status());
        assertTrue(log.contains("Stack rollback is ROLLBACK_COMPLETE and cannot be updated: deleting it first"));
    }

    @Test
    void badTemplateNamesTheResource() throws Exception {
        String template = TEMPLATE.replace("!GetAtt Input.Arn", "!GetAtt Missing.Arn");
        software.amazon.awssdk.services.cloudformation.model.CloudFormationException e = assertThrows(
                software.amazon.awssdk.services.cloudformation.model.CloudFormationException.class,
                () -> new DeployStackOperation(clients, listener).run(settings("bad", template)
                        .parameters(Map.of("Prefix", "Bad"))));
        assertEquals("Template error: instance of Fn::GetAtt references undefined resource Missing",
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void localCodeIsUploadedAndReplacedByItsS3Location() throws Exception {
        Path jar = dir.resolve("target/app.jar");
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[] {1, 2, 3});
        TemplateDocument document = TemplateDocument.read(Files.writeString(dir.resolve("fn.yaml"), """
                Resources:
                  Role: {Type: AWS::IAM::Role, Properties: {RoleName: named}}
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties: {Code: target/app.jar, Role: !GetAtt Role.Arn}
                """));
        assertEquals(Map.of("Fn", jar), document.localCode(dir));
        String body = document.body(Map.of("Fn", "lambda/abc-app.jar"), "bucket");
        JsonNode tree = new ObjectMapper().readTree(body);
        assertEquals("{\"S3Bucket\":\"bucket\",\"S3Key\":\"lambda/abc-app.jar\"}",
                tree.at("/Resources/Fn/Properties/Code").toString());
        assertEquals("{\"Fn::GetAtt\":[\"Role\",\"Arn\"]}", tree.at("/Resources/Fn/Properties/Role").toString());
        assertEquals(java.util.Set.of("CAPABILITY_NAMED_IAM"), document.requiredCapabilities());
        FanoutException missing = assertThrows(FanoutException.class,
                () -> TemplateDocument.read(Files.writeString(dir.resolve("nofile.yaml"),
                        "Resources: {Fn: {Type: AWS::Lambda::Function, Properties: {Code: target/none.jar}}}"))
                        .localCode(dir));
        assertTrue(missing.getMessage().startsWith("Code of Fn in "), missing.getMessage());
    }

    @Test
    void uploadsTheProjectsLambdaCodeAndWaitsForTheConsumers() throws Exception {
        Path jar = dir.resolve("target/consumers.jar");
        Files.createDirectories(jar.getParent());
        writeJar(jar, "first");
        String template = """
                Resources:
                  Orders:
                    Type: AWS::Kinesis::Stream
                    Properties: {Name: Orders, ShardCount: 1}
                  ConsumerRole:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Consumer:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: orders-consumer
                      Code: target/consumers.jar
                      Handler: example.Handler
                      Runtime: java17
                      Role: !GetAtt ConsumerRole.Arn
                  Mapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Consumer
                      EventSourceArn: !GetAtt Orders.Arn
                      BatchSize: 100
                      StartingPosition: TRIM_HORIZON
                Outputs:
                  MappingId: {Value: !Ref Mapping}
                """;
        DeployStackOperation deploy = new DeployStackOperation(clients, listener);
        DeployResult created = deploy.run(settings("lambda", template));
        assertEquals("CREATE_COMPLETE", created.status());
        String bucket = "kinesis-fanout-artifacts-000000000000-us-east-1";
        assertTrue(log.contains("Created artifact bucket " + bucket), log.toString());
        try (LambdaClient lambda = clients.client(LambdaClient.builder())) {
            var code = lambda.getFunction(b -> b.functionName("orders-consumer"));
            assertEquals("Active", code.configuration().stateAsString());
            assertEquals("Enabled", lambda.getEventSourceMapping(b -> b.uuid(created.outputs().get("MappingId"))).state());
        }
        try (S3Client s3 = clients.s3()) {
            String key = "lambda/" + ArtifactUploader.sha256(jar) + "-consumers.jar";
            assertEquals(Files.size(jar), s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        }
        assertFalse(deploy.run(settings("lambda", template)).changed(), "the same jar keeps its key: no update");
        writeJar(jar, "second");
        DeployResult updated = deploy.run(settings("lambda", template));
        assertEquals("UPDATE_COMPLETE", updated.status());
        assertTrue(log.contains("  Consumer AWS::Lambda::Function UPDATE_COMPLETE"), log.toString());
        new DeleteStackOperation(clients, listener).run("lambda", Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    private static void writeJar(Path jar, String content) throws Exception {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("version.txt"));
            zip.write(content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }
}
