package io.github.kinesisfanout.local.bench;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.lambda.HandlerJars;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Times deploying the design's reference stack (three streams, two roles, two Java consumers with
 * Kinesis mappings) on a warm local cloud with the real SDK client: CreateStack until
 * CREATE_COMPLETE, then DeleteStack until DELETE_COMPLETE, after warm-up rounds.
 *
 * <pre>./mvnw -B -pl kinesis-fanout-local -am -Pbench-stack -DskipTests integration-test [-Dbench.stack.args="--rounds 10 --warmup 3"]</pre>
 */
public final class StackDeployBenchmark {

    private StackDeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = intArg(args, "--rounds", 10);
        int warmup = intArg(args, "--warmup", 3);
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));
        String template;
        try (InputStream in = StackDeployBenchmark.class.getResourceAsStream("/cloudformation/reference-stack.yaml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (LocalCloud cloud = LocalCloud.builder().build().start();
                CloudFormationClient cfn = CloudFormationClient.builder().endpointOverride(cloud.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                S3Client s3 = S3Client.builder().endpointOverride(cloud.endpoint()).region(Region.US_EAST_1)
                        .forcePathStyle(true).credentialsProvider(credentials)
                        .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            s3.createBucket(b -> b.bucket("bench-code"));
            s3.putObject(b -> b.bucket("bench-code").key("consumers.zip"), RequestBody.fromBytes(HandlerJars.handlerZip()));
            List<Long> deploys = new ArrayList<>();
            List<Long> deletes = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                long start = System.nanoTime();
                String id = cfn.createStack(b -> b.stackName("bench").templateBody(template)
                        .capabilities(Capability.CAPABILITY_NAMED_IAM)
                        .parameters(Parameter.builder().parameterKey("CodeBucket").parameterValue("bench-code").build(),
                                Parameter.builder().parameterKey("CodeKey").parameterValue("consumers.zip").build()))
                        .stackId();
                String status = await(cfn, id);
                long deployed = System.nanoTime();
                if (!status.equals("CREATE_COMPLETE")) {
                    throw new IllegalStateException("round " + round + ": stack " + status);
                }
                cfn.deleteStack(b -> b.stackName(id));
                status = await(cfn, id);
                long deleted = System.nanoTime();
                if (!status.equals("DELETE_COMPLETE")) {
                    throw new IllegalStateException("round " + round + ": stack " + status);
                }
                if (round >= warmup) {
                    deploys.add((deployed - start) / 1_000_000);
                    deletes.add((deleted - deployed) / 1_000_000);
                }
            }
            System.out.println("Reference stack, " + rounds + " rounds after " + warmup + " warm-up rounds:");
            System.out.println("  deploy (CreateStack -> CREATE_COMPLETE): " + summary(deploys));
            System.out.println("  delete (DeleteStack -> DELETE_COMPLETE): " + summary(deletes));
        }
    }

    private static String await(CloudFormationClient cfn, String stackId) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            String status = cfn.describeStacks(b -> b.stackName(stackId)).stacks().get(0).stackStatusAsString();
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("stack " + stackId + " did not settle in 60 s");
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "min " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms";
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
