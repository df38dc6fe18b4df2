package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** ListObjectsV2 and ListObjects: prefix, delimiter (common prefixes), max-keys and continuation. */
final class S3Listing {

    private S3Listing() {
    }

    static JsonNode list(Bucket bucket, ObjectNode input, boolean v2) {
        String prefix = Members.text(input, "Prefix", "");
        String delimiter = Members.text(input, "Delimiter");
        int maxKeys = Members.integer(input, "MaxKeys", 1000, S3Errors.INVALID_ARGUMENT);
        String after = v2 ? startAfter(input) : Members.text(input, "Marker", "");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Name", bucket.name);
        output.put("Prefix", prefix);
        if (delimiter != null) {
            output.put("Delimiter", delimiter);
        }
        output.put("MaxKeys", maxKeys);
        ArrayNode contents = JsonNodeFactory.instance.arrayNode();
        Set<String> prefixes = new LinkedHashSet<>();
        String last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> entry : bucket.objects.tailMap(after, false).entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith(prefix)) {
                continue;
            }
            String common = commonPrefix(key, prefix, delimiter);
            if (contents.size() + prefixes.size() >= maxKeys && (common == null || !prefixes.contains(common))) {
                truncated = true;
                break;
            }
            if (common != null) {
                prefixes.add(common);
            } else {
                StoredObject object = entry.getValue();
                ObjectNode item = contents.addObject().put("Key", key);
                item.set("LastModified", Timestamps.node(object.lastModified()));
                item.put("ETag", object.eTag()).put("Size", object.body().length).put("StorageClass", "STANDARD");
            }
            last = key;
        }
        output.put("IsTruncated", truncated);
        if (!contents.isEmpty()) {
            output.set("Contents", contents);
        }
        if (!prefixes.isEmpty()) {
            ArrayNode common = output.putArray("CommonPrefixes");
            prefixes.forEach(p -> common.addObject().put("Prefix", p));
        }
        if (v2) {
            output.put("KeyCount", contents.size() + prefixes.size());
            if (Members.has(input, "ContinuationToken")) {
                output.put("ContinuationToken", Members.text(input, "ContinuationToken"));
            }
            if (Members.has(input, "StartAfter")) {
                output.put("StartAfter", Members.text(input, "StartAfter"));
            }
            if (truncated) {
                output.put("NextContinuationToken", token(last));
            }
        } else {
            output.put("Marker", after);
            if (truncated && delimiter != null) {
                output.put("NextMarker", last);
            }
        }
        return output;
    }

    private static String startAfter(ObjectNode input) {
        String token = Members.text(input, "ContinuationToken");
        if (token == null) {
            return Members.text(input, "StartAfter", "");
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Errors.INVALID_ARGUMENT.error("The continuation token provided is incorrect");
        }
    }

    /** The common prefix a key rolls up into: the prefix plus everything up to and including the next delimiter. */
    private static String commonPrefix(String key, String prefix, String delimiter) {
        if (delimiter == null || delimiter.isEmpty()) {
            return null;
        }
        int at = key.indexOf(delimiter, prefix.length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private static String token(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastKey.getBytes(StandardCharsets.UTF_8));
    }
}
