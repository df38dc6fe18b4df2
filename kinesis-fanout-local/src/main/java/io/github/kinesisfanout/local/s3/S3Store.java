package io.github.kinesisfanout.local.s3;

import io.github.kinesisfanout.local.edge.RequestContext;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The buckets of every account (bucket names are global in S3, so not per region), with S3's not-found
 * errors; with a directory every change is on disk before it is answered.
 */
final class S3Store {

    private final ConcurrentHashMap<String, ConcurrentSkipListMap<String, Bucket>> accounts = new ConcurrentHashMap<>();
    private final ObjectFiles files;

    S3Store() {
        this(null);
    }

    /** A store kept in {@code directory} (null: in memory only), read back at once. */
    S3Store(Path directory) {
        this.files = directory == null ? null : new ObjectFiles(directory);
        if (files != null) {
            files.loadAll().forEach((account, buckets) -> buckets.forEach(bucket ->
                    accounts.computeIfAbsent(account, key -> new ConcurrentSkipListMap<>()).put(bucket.name, bucket)));
        }
    }

    ConcurrentSkipListMap<String, Bucket> buckets(RequestContext context) {
        return accounts.computeIfAbsent(context.accountId(), key -> new ConcurrentSkipListMap<>());
    }

    /** Adds a bucket; false when the name is taken. */
    synchronized boolean addBucket(RequestContext context, Bucket bucket) {
        if (buckets(context).containsKey(bucket.name)) {
            return false;
        }
        if (files != null) {
            files.saveBucket(context.accountId(), bucket);
        }
        buckets(context).put(bucket.name, bucket);
        return true;
    }

    synchronized void removeBucket(RequestContext context, Bucket bucket) {
        if (files != null) {
            files.deleteBucket(context.accountId(), bucket.name);
        }
        buckets(context).remove(bucket.name, bucket);
    }

    /** Stores an object (on disk first, then visible). */
    void putObject(RequestContext context, Bucket bucket, StoredObject object) {
        synchronized (bucket) {
            if (files != null) {
                files.saveObject(context.accountId(), bucket.name, object);
            }
            bucket.objects.put(object.key(), object);
        }
    }

    void removeObject(RequestContext context, Bucket bucket, String key) {
        synchronized (bucket) {
            if (files != null) {
                files.deleteObject(context.accountId(), bucket.name, key);
            }
            bucket.objects.remove(key);
        }
    }

    Bucket bucket(RequestContext context, String name) {
        Bucket bucket = buckets(context).get(name);
        if (bucket == null) {
            throw S3Errors.NO_SUCH_BUCKET.error("The specified bucket does not exist");
        }
        return bucket;
    }

    StoredObject object(RequestContext context, String bucketName, String key) {
        StoredObject object = bucket(context, bucketName).objects.get(key);
        if (object == null) {
            throw S3Errors.NO_SUCH_KEY.error("The specified key does not exist.");
        }
        return object;
    }
}
