package io.github.kinesisfanout.operations;

import java.net.URI;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds every AWS SDK client of the plugin from one {@link ClientSettings}: region, profile,
 * endpoint override, credentials and the HTTP client. A new goal gets its client with
 * {@code factory.client(CloudFormationClient.builder())}.
 */
public final class AwsClientFactory {

    private final ClientSettings settings;
    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClientFactory(ClientSettings settings) {
        this.settings = settings;
        this.region = resolveRegion(settings);
        this.credentials = resolveCredentials(settings);
    }

    /** The settings this factory was built from. */
    public ClientSettings settings() {
        return settings;
    }

    /** The region every client uses. */
    public Region region() {
        return region;
    }

    /** A Kinesis client. */
    public KinesisClient kinesis() {
        return client(KinesisClient.builder());
    }

    /** An S3 client; path-style addressing when the endpoint is overridden, as emulators serve no bucket DNS. */
    public S3Client s3() {
        return client(S3Client.builder().forcePathStyle(settings.endpoint() != null));
    }

    /**
     * Applies region, credentials, endpoint override and the URL-connection HTTP client to any
     * synchronous SDK client builder and builds it.
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    /**
     * The endpoint a service's requests go to, for messages: the override, else the SDK's
     * {@code AWS_ENDPOINT_URL_<SERVICE>} / {@code AWS_ENDPOINT_URL} variables, else AWS in the region.
     *
     * @param serviceEnvName the service's name in the SDK's variable, e.g. {@code KINESIS}
     */
    public String describeEndpoint(String serviceEnvName) {
        return describeEndpoint(serviceEnvName, System::getenv);
    }

    String describeEndpoint(String serviceEnvName, Function<String, String> env) {
        URI endpoint = settings.endpoint();
        if (endpoint != null) {
            return endpoint.toString();
        }
        String specific = env.apply("AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT));
        if (specific != null && !specific.isBlank()) {
            return specific + " (AWS_ENDPOINT_URL_" + serviceEnvName.toUpperCase(Locale.ROOT) + ")";
        }
        String global = env.apply("AWS_ENDPOINT_URL");
        if (global != null && !global.isBlank()) {
            return global + " (AWS_ENDPOINT_URL)";
        }
        return "AWS region " + region.id();
    }

    private static Region resolveRegion(ClientSettings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().trim());
        }
        if (settings.localCloud()) {
            return Region.of(ClientSettings.LOCAL_REGION);
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (settings.profile() != null) {
                chain.profileName(settings.profile());
            }
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw HelpfulSuggestions.regionNotSet();
        }
    }

    private static AwsCredentialsProvider resolveCredentials(ClientSettings settings) {
        boolean hasKey = settings.accessKey() != null && !settings.accessKey().isBlank();
        boolean hasSecret = settings.secretKey() != null && !settings.secretKey().isBlank();
        if (hasKey != hasSecret) {
            throw HelpfulSuggestions.incompleteCredentials();
        }
        if (hasKey) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        if (settings.profile() != null && !settings.profile().isBlank()) {
            return ProfileCredentialsProvider.create(settings.profile());
        }
        if (settings.localCloud()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ClientSettings.LOCAL_CREDENTIAL, ClientSettings.LOCAL_CREDENTIAL));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
