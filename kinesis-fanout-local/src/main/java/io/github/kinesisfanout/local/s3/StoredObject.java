package io.github.kinesisfanout.local.s3;

import java.time.Instant;
import java.util.Map;

/**
 * One object version as stored: its bytes, ETag (quoted hex MD5, as S3 returns for single-part
 * uploads), content type, user metadata and the flexible checksum it was uploaded with, if any.
 */
record StoredObject(String key, byte[] body, String eTag, String contentType, Instant lastModified,
        Map<String, String> metadata, String checksumAlgorithm, String checksumValue) {
}
