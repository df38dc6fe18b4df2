package io.github.kinesisfanout.local.s3;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** The buckets of every account (bucket names are global in S3, so not per region), with S3's not-found errors. */
final class S3Store {

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Bucket>> accounts = new ConcurrentHashMap<>();

    ConcurrentSkipListMap<String, Bucket> buckets(RequestContext context) {
        return accounts.computeIfAbsent(context.accountId(), key -> new ConcurrentSkipListMap<>());
    }

    Bucket bucket(RequestContext context, String name) {
        Bucket bucket = buckets(context).get(name);
        if (bucket == null) {
            throw new AwsServiceException("NoSuchBucket", "The specified bucket does not exist", 404);
        }
        return bucket;
    }

    StoredObject object(RequestContext context, String bucketName, String key) {
        StoredObject object = bucket(context, bucketName).objects.get(key);
        if (object == null) {
            throw new AwsServiceException("NoSuchKey", "The specified key does not exist.", 404);
        }
        return object;
    }
}
