package io.github.kinesisfanout.local.edge;

/**
 * Who makes a call and where: state is kept per account and region.
 *
 * @param requestId the id echoed in {@code x-amzn-RequestId} and in error bodies
 * @param accountId the 12-digit account, 000000000000 unless configured
 * @param region the region from the SigV4 credential scope, or the cloud's default region
 */
public record RequestContext(String requestId, String accountId, String region) {
}
