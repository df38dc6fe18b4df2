package io.github.kinesisfanout.local.analytics;

/** Reads an object of the local S3, for DiscoverInputSchema's S3Configuration. */
@FunctionalInterface
public interface ObjectReader {

    /**
     * The object's bytes.
     *
     * @throws io.github.kinesisfanout.local.edge.AwsServiceException when the bucket or key does not exist
     */
    byte[] read(String bucket, String key);
}
