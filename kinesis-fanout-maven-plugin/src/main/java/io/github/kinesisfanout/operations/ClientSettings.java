package io.github.kinesisfanout.operations;

import java.net.URI;

/**
 * How to reach AWS or an AWS-compatible endpoint: every field may be null, meaning the SDK's own
 * default (region chain, credential chain, {@code AWS_ENDPOINT_URL}).
 *
 * @param region region name, or null for the SDK's region chain
 * @param profile named profile of ~/.aws/config and ~/.aws/credentials, or null
 * @param endpoint endpoint override for every service, or null for the SDK's endpoint resolution
 * @param accessKey static access key id, or null
 * @param secretKey static secret key, or null
 * @param localCloud whether the endpoint is a local cloud that needs no real credentials
 */
public record ClientSettings(String region, String profile, URI endpoint, String accessKey, String secretKey,
                             boolean localCloud) {

    /** The dummy credentials a local cloud accepts, as LocalStack's convention. */
    public static final String LOCAL_CREDENTIAL = "test";

    /** The region a local cloud uses when none is set. */
    public static final String LOCAL_REGION = "us-east-1";

    /** Settings for a local cloud at {@code endpoint}: its default region and dummy credentials. */
    public static ClientSettings local(URI endpoint) {
        return new ClientSettings(LOCAL_REGION, null, endpoint, null, null, true);
    }

    /** Whether the host is a loopback address, where only a local emulator can listen. */
    public static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                || host.equals("::1"));
    }
}
