package io.github.kinesisfanout.local.conformance;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;

/** SDK v2 clients whose raw answers are recorded, one recorder per client, without retries. */
final class Clients {

    private Clients() {
    }

    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C recorded(B builder, URI endpoint,
            WireRecorder recorder) {
        return builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(recorder)
                        .retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    /** Built while {@code aws.cborEnabled=false}, so the Kinesis client speaks AWS JSON 1.1 as the model says. */
    static synchronized <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C json(B builder,
            URI endpoint, WireRecorder recorder) {
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", "false");
        try {
            return recorded(builder, endpoint, recorder);
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    /** Polls {@code condition} every 5 ms until it holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Runs a call expected to fail (its error answer is recorded and checked like any other). */
    static void expectError(Runnable call) {
        try {
            call.run();
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException expected) {
            return;
        }
        throw new AssertionError("the call was expected to fail");
    }
}
