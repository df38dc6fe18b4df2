package io.github.kinesisfanout.local.kinesis;

import java.net.URI;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** Builds real AWS SDK v2 Kinesis clients against a local endpoint, with CBOR (the default) or JSON. */
final class KinesisClients {

    private KinesisClients() {
    }

    /** The SDK's default: requests and responses in CBOR. */
    static KinesisClient cbor(URI endpoint) {
        return builder(endpoint, Region.US_EAST_1, null).build();
    }

    /** A CBOR client whose response content types are recorded. */
    static KinesisClient cbor(URI endpoint, ContentTypes recorder) {
        return builder(endpoint, Region.US_EAST_1, recorder).build();
    }

    /** A CBOR client that does not retry, so throttling errors reach the test. */
    static KinesisClient cborWithoutRetries(URI endpoint) {
        return builder(endpoint, Region.US_EAST_1, null)
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy
                        .doNotRetry()))
                .build();
    }

    static KinesisClient cbor(URI endpoint, Region region) {
        return builder(endpoint, region, null).build();
    }

    /** Records the Content-Type of each request and response the client saw. */
    static final class ContentTypes implements ExecutionInterceptor {
        final java.util.Set<String> requests = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final java.util.Set<String> responses = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.httpRequest().firstMatchingHeader("Content-Type").ifPresent(requests::add);
        }

        @Override
        public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            context.httpResponse().firstMatchingHeader("Content-Type").ifPresent(responses::add);
        }
    }

    /**
     * AWS JSON 1.1: the SDK reads {@code aws.cborEnabled} when a client is built, so setting it
     * around the build gives a JSON client while other clients keep CBOR.
     */
    static synchronized KinesisClient json(URI endpoint) {
        return json(endpoint, null);
    }

    /** A JSON client whose response content types are recorded. */
    static synchronized KinesisClient json(URI endpoint, ContentTypes recorder) {
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", "false");
        try {
            return builder(endpoint, Region.US_EAST_1, recorder).build();
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    private static software.amazon.awssdk.services.kinesis.KinesisClientBuilder builder(URI endpoint, Region region,
            ContentTypes recorder) {
        return KinesisClient.builder()
                .overrideConfiguration(c -> {
                    if (recorder != null) {
                        c.addExecutionInterceptor(recorder);
                    }
                })
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
