package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.Await;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Real AWS SDK v2 clients against a local endpoint, and a poll for a stack to settle. */
final class CloudFormationClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret"));

    private CloudFormationClients() {
    }

    static CloudFormationClient cloudFormation(URI endpoint) {
        return CloudFormationClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static KinesisClient kinesis(URI endpoint) {
        return KinesisClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The reasons of the stack's failed events, for assertion messages. */
    static String failures(CloudFormationClient client, String stack) {
        StringBuilder out = new StringBuilder();
        client.describeStackEvents(b -> b.stackName(stack)).stackEvents().stream()
                .filter(e -> e.resourceStatusAsString().endsWith("_FAILED"))
                .forEach(e -> out.append(e.logicalResourceId()).append(": ").append(e.resourceStatusReason()).append("; "));
        return out.toString();
    }

    /** Polls DescribeStacks until the status no longer ends in _IN_PROGRESS; fails after 30 s. */
    static Stack settle(CloudFormationClient client, String stackNameOrId) {
        return Await.until(Duration.ofSeconds(30), () -> client.describeStacks(DescribeStacksRequest.builder()
                        .stackName(stackNameOrId).build()).stacks().get(0),
                stack -> !stack.stackStatusAsString().endsWith("_IN_PROGRESS"),
                stack -> "stack " + stackNameOrId + " still " + stack.stackStatusAsString());
    }
}
