package io.github.kinesisfanout.local.s3;

import java.time.Instant;
import java.util.concurrent.ConcurrentSkipListMap;

/** One bucket: its objects by key in UTF-8 binary order, which is how S3 lists them. */
final class Bucket {

    final String name;
    final String region;
    final Instant creationDate;
    final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
    final java.util.concurrent.ConcurrentHashMap<String, MultipartUploads.Upload> uploads =
            new java.util.concurrent.ConcurrentHashMap<>();

    Bucket(String name, String region, Instant creationDate) {
        this.name = name;
        this.region = region;
        this.creationDate = creationDate;
    }
}
