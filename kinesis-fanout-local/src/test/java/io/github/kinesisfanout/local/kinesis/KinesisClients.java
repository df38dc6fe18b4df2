package io.github.kinesisfanout.local.kinesis;

import java.net.URI;
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
        return builder(endpoint, Region.US_EAST_1).build();
    }

    static KinesisClient cbor(URI endpoint, Region region) {
        return builder(endpoint, region).build();
    }

    /**
     * AWS JSON 1.1: the SDK reads {@code aws.cborEnabled} when a client is built, so setting it
     * around the build gives a JSON client while other clients keep CBOR.
     */
    static synchronized KinesisClient json(URI endpoint) {
        String previous = System.getProperty("aws.cborEnabled");
        System.setProperty("aws.cborEnabled", "false");
        try {
            return builder(endpoint, Region.US_EAST_1).build();
        } finally {
            if (previous == null) {
                System.clearProperty("aws.cborEnabled");
            } else {
                System.setProperty("aws.cborEnabled", previous);
            }
        }
    }

    private static software.amazon.awssdk.services.kinesis.KinesisClientBuilder builder(URI endpoint, Region region) {
        return KinesisClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
    }
}
