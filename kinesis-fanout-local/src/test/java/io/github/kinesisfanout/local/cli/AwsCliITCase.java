package io.github.kinesisfanout.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v2 against the standalone jar, as a user runs it: Kinesis, S3, CloudFormation package
 * and deploy (create, update, no-op, delete), Lambda invoke, CloudWatch Logs and Kinesis Analytics.
 * Runs in the integration-test phase, after the jar is built.
 */
class AwsCliITCase {

    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void theAwsCliDeploysAndUsesAStackOnTheStandaloneCloud() throws Exception {
        try (StandaloneCloud cloud = start()) {
            AwsCli aws = new AwsCli(AwsCli.find(), cloud.endpoint(), dir);
            kinesis(aws);
            s3(aws);
            stack(aws);
            JsonNode apps = json(aws.run(COMMAND, "kinesisanalytics", "list-applications"));
            assertEquals(0, apps.path("ApplicationSummaries").size(), apps.toString());
        }
    }

    @Test
    @Timeout(120)
    void cloudformationPackageUploadsALocalCodeFolder() throws Exception {
        try (StandaloneCloud cloud = start()) {
            AwsCli aws = new AwsCli(AwsCli.find(), cloud.endpoint(), dir);
            String version = aws.run(COMMAND, "--version").trim();
            Assumptions.assumeTrue(AwsCli.honoursEndpointEnvironment(version), version + " sends the uploads of"
                    + " `cloudformation package` to AWS's S3 whatever --endpoint-url says (AWS_ENDPOINT_URL came in"
                    + " AWS CLI 2.13)");
            aws.run(COMMAND, "s3", "mb", "s3://cli-artifacts");
            unzip(HandlerJars.handlerZip(), dir.resolve("function"));
            copyResource("/cli/package.yaml", dir.resolve("package.yaml"));
            aws.run(COMMAND, "cloudformation", "package", "--template-file", "package.yaml", "--s3-bucket",
                    "cli-artifacts", "--output-template-file", "packaged.yaml");
            String packaged = Files.readString(dir.resolve("packaged.yaml"));
            assertTrue(packaged.contains("S3Bucket: cli-artifacts"), packaged);
            String key = packaged.substring(packaged.indexOf("S3Key: ") + 7).lines().findFirst().orElseThrow().trim();
            assertTrue(aws.run(COMMAND, "s3", "ls", "s3://cli-artifacts/").contains(key), key);
        }
    }

    private StandaloneCloud start() throws Exception {
        Path cliPath = AwsCli.find();
        if (cliPath == null) {
            String reason = "no AWS CLI at /usr/bin/aws (Debian's awscli; .ci/run installs it) and AWS_CLI unset";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
        String jarProperty = System.getProperty("standalone.jar");
        Assumptions.assumeTrue(jarProperty != null, "runs in the integration-test phase (failsafe), after the"
                + " standalone jar is built");
        Path jar = Path.of(jarProperty);
        assertTrue(Files.isRegularFile(jar), "the standalone jar is built by the package phase: " + jar);
        return StandaloneCloud.start(jar, dir.resolve("cloud.log"), Duration.ofSeconds(60));
    }

    private void copyResource(String name, Path target) throws Exception {
        try (var in = getClass().getResourceAsStream(name)) {
            Files.write(target, in.readAllBytes());
        }
    }

    private void kinesis(AwsCli aws) throws Exception {
        aws.run(COMMAND, "kinesis", "create-stream", "--stream-name", "cli", "--shard-count", "1");
        aws.run(COMMAND, "kinesis", "put-record", "--stream-name", "cli", "--partition-key", "k",
                "--data", "aGVsbG8=");
        String iterator = json(aws.run(COMMAND, "kinesis", "get-shard-iterator", "--stream-name", "cli",
                "--shard-id", "shardId-000000000000", "--shard-iterator-type", "TRIM_HORIZON")).path("ShardIterator").asText();
        JsonNode records = json(aws.run(COMMAND, "kinesis", "get-records", "--shard-iterator", iterator));
        assertEquals("aGVsbG8=", records.path("Records").path(0).path("Data").asText(), records.toString());
    }

    private void s3(AwsCli aws) throws Exception {
        aws.run(COMMAND, "s3", "mb", "s3://cli-artifacts");
        Files.writeString(dir.resolve("notes.txt"), "hello s3");
        aws.run(COMMAND, "s3", "cp", "notes.txt", "s3://cli-artifacts/docs/notes.txt");
        String listing = aws.run(COMMAND, "s3", "ls", "s3://cli-artifacts/docs/");
        assertTrue(listing.contains("notes.txt"), listing);
    }

    private void stack(AwsCli aws) throws Exception {
        Files.write(dir.resolve("echo.zip"), HandlerJars.handlerZip());
        aws.run(COMMAND, "s3", "cp", "echo.zip", "s3://cli-artifacts/echo.zip");
        copyResource("/cli/template.yaml", dir.resolve("packaged.yaml"));
        // ExecuteChangeSet's empty result element is what the CLI failed to read before.
        aws.run(COMMAND, "cloudformation", "deploy", "--template-file", "packaged.yaml", "--stack-name", "cli",
                "--capabilities", "CAPABILITY_IAM");
        // The CLI polls a stack being deployed every 30 seconds: the update executes its change set itself.
        String planned = aws.run(COMMAND, "cloudformation", "deploy", "--template-file", "packaged.yaml",
                "--stack-name", "cli", "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "Days=14",
                "--no-execute-changeset");
        String changeSet = planned.lines().filter(l -> l.contains("changeSet/")).findFirst().orElseThrow(
                () -> new AssertionError("no change set named in: " + planned)).trim();
        changeSet = changeSet.substring(changeSet.indexOf("arn:aws:cloudformation:")).split("\\s")[0];
        aws.run(COMMAND, "cloudformation", "execute-change-set", "--change-set-name", changeSet);
        aws.run(COMMAND, "cloudformation", "wait", "stack-update-complete", "--stack-name", "cli");
        assertEquals(14, json(aws.run(COMMAND, "logs", "describe-log-groups", "--log-group-name-prefix", "/cli/app"))
                .path("logGroups").path(0).path("retentionInDays").asInt());
        aws.run(COMMAND, "cloudformation", "deploy", "--template-file", "packaged.yaml", "--stack-name", "cli",
                "--capabilities", "CAPABILITY_IAM", "--parameter-overrides", "Days=14", "--no-fail-on-empty-changeset");
        JsonNode invoked = json(aws.run(COMMAND, "lambda", "invoke", "--function-name", "cli-echo", "--payload",
                "{\"from\":\"cli\"}", "--cli-binary-format", "raw-in-base64-out", "answer.json"));
        assertEquals(200, invoked.path("StatusCode").asInt(), invoked.toString());
        assertEquals("cli", json(Files.readString(dir.resolve("answer.json"))).path("input").path("from").asText());
        JsonNode events = json(aws.run(COMMAND, "logs", "filter-log-events", "--log-group-name",
                "/aws/lambda/cli-echo", "--filter-pattern", "stdout"));
        assertTrue(events.path("events").path(0).path("message").asText().contains("stdout says hello"),
                events.toString());
        aws.run(COMMAND, "cloudformation", "delete-stack", "--stack-name", "cli");
        aws.run(COMMAND, "cloudformation", "wait", "stack-delete-complete", "--stack-name", "cli");
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static void unzip(byte[] zip, Path target) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IllegalStateException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.write(file, in.readAllBytes());
                }
            }
        }
    }
}
