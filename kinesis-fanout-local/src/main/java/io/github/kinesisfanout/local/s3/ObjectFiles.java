package io.github.kinesisfanout.local.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import io.github.kinesisfanout.local.storage.Frames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Buckets and objects on disk: {@code ACCOUNT/BUCKET/bucket.json} (an atomic snapshot) and one file per
 * object, {@code ACCOUNT/BUCKET/objects/SHA256(key).object}: two checksummed frames (the metadata as JSON,
 * then the bytes), written to a temporary file, fsync'd and renamed over the old one, so a reader sees the
 * whole old or the whole new object. A file that fails its checks is skipped with a warning, never served.
 */
final class ObjectFiles {

    private static final Logger LOG = Logger.getLogger(ObjectFiles.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUFFIX = ".object";

    private final Path directory;

    ObjectFiles(Path directory) {
        this.directory = directory;
    }

    void saveBucket(String accountId, Bucket bucket) {
        ObjectNode json = JSON.createObjectNode().put("Name", bucket.name).put("Region", bucket.region)
                .put("CreationDate", bucket.creationDate.toString());
        AtomicFiles.write(bucketDirectory(accountId, bucket.name).resolve("bucket.json"),
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    void deleteBucket(String accountId, String name) {
        Path bucketDirectory = bucketDirectory(accountId, name);
        // The snapshot goes first: a crash half-way leaves no bucket.json, so nothing is read back.
        AtomicFiles.deleteTree(bucketDirectory.resolve("bucket.json"));
        AtomicFiles.syncDirectory(bucketDirectory);
        AtomicFiles.deleteTree(bucketDirectory);
        AtomicFiles.syncDirectory(bucketDirectory.getParent());
    }

    void saveObject(String accountId, String bucket, StoredObject object) {
        ObjectNode meta = JSON.createObjectNode().put("Key", object.key()).put("ETag", object.eTag())
                .put("ContentType", object.contentType()).put("LastModified", object.lastModified().toString())
                .put("ChecksumAlgorithm", object.checksumAlgorithm()).put("ChecksumValue", object.checksumValue());
        ObjectNode metadata = meta.putObject("Metadata");
        object.metadata().forEach(metadata::put);
        ByteBuffer frames = Frames.encode(List.of(ByteBuffer.wrap(meta.toString().getBytes(StandardCharsets.UTF_8)),
                ByteBuffer.wrap(object.body())));
        byte[] content = new byte[frames.remaining()];
        frames.get(content);
        AtomicFiles.write(objectFile(accountId, bucket, object.key()), content);
    }

    void deleteObject(String accountId, String bucket, String key) {
        Path file = objectFile(accountId, bucket, key);
        try {
            if (Files.deleteIfExists(file)) {
                AtomicFiles.syncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Every bucket kept, by account, with its objects. */
    Map<String, List<Bucket>> loadAll() {
        Map<String, List<Bucket>> accounts = new LinkedHashMap<>();
        if (!Files.isDirectory(directory)) {
            return accounts;
        }
        try (var files = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("bucket.json"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                Bucket bucket = new Bucket(json.path("Name").asText(), json.path("Region").asText(),
                        Instant.parse(json.path("CreationDate").asText()));
                loadObjects(file.getParent().resolve("objects"), bucket);
                accounts.computeIfAbsent(directory.relativize(file).getName(0).toString(), a -> new java.util.ArrayList<>())
                        .add(bucket);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the buckets in " + directory, e);
        }
        return accounts;
    }

    private static void loadObjects(Path objects, Bucket bucket) throws IOException {
        if (!Files.isDirectory(objects)) {
            return;
        }
        try (var files = Files.list(objects)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                StoredObject object = read(file);
                if (object == null) {
                    LOG.warning("skipped " + file + ": it fails its length or CRC32C check, so it is not served");
                } else {
                    bucket.objects.put(object.key(), object);
                }
            }
        }
    }

    private static StoredObject read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int metaFrame = Frames.check(bytes, 0);
        if (metaFrame < 0) {
            return null;
        }
        int bodyFrame = Frames.check(bytes, metaFrame);
        if (bodyFrame < 0 || metaFrame + bodyFrame != bytes.limit()) {
            return null;
        }
        JsonNode meta = JSON.readTree(new String(bytes.array(), Frames.HEADER_BYTES,
                metaFrame - Frames.HEADER_BYTES, StandardCharsets.UTF_8));
        byte[] body = java.util.Arrays.copyOfRange(bytes.array(), metaFrame + Frames.HEADER_BYTES, bytes.limit());
        Map<String, String> metadata = new LinkedHashMap<>();
        meta.path("Metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new StoredObject(meta.path("Key").asText(), body, meta.path("ETag").asText(),
                meta.path("ContentType").asText(), Instant.parse(meta.path("LastModified").asText()),
                Map.copyOf(metadata), textOrNull(meta, "ChecksumAlgorithm"), textOrNull(meta, "ChecksumValue"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private Path bucketDirectory(String accountId, String bucket) {
        return directory.resolve(accountId).resolve(bucket);
    }

    private Path objectFile(String accountId, String bucket, String key) {
        try {
            // Keys are up to 1,024 bytes and may hold any character: the file is named after their SHA-256.
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return bucketDirectory(accountId, bucket).resolve("objects").resolve(HexFormat.of().formatHex(digest) + SUFFIX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
