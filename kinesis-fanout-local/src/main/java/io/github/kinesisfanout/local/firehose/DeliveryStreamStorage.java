package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where Firehose keeps its delivery streams: nowhere beyond memory without a data directory, else
 * {@code ACCOUNT/REGION/NAME/stream.json} (configuration, tags, status; an atomic snapshot) and
 * {@code ACCOUNT/REGION/NAME/buffer/} (the {@link BufferJournal} of the records not yet in S3) and, for
 * a Kinesis stream source, {@code ACCOUNT/REGION/NAME/checkpoint.json} (its {@link SourceCheckpoint},
 * an atomic snapshot replaced after the records it moves past are durable in the journal).
 */
final class DeliveryStreamStorage {

    /** Keeps nothing: delivery streams live in memory only. */
    static final DeliveryStreamStorage NONE = new DeliveryStreamStorage(null);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKPOINT = "checkpoint.json";

    private final Path directory;

    DeliveryStreamStorage(Path directory) {
        this.directory = directory;
    }

    /** Replaces a delivery stream's snapshot; callers serialize the saves of one delivery stream. */
    void save(String accountId, String region, String name, ObjectNode snapshot) {
        if (directory != null) {
            AtomicFiles.write(dir(accountId, region, name).resolve("stream.json"),
                    snapshot.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Replaces a delivery stream's source checkpoint; called by its one reader. */
    void saveCheckpoint(String accountId, String region, String name, SourceCheckpoint checkpoint) {
        if (directory != null) {
            AtomicFiles.write(dir(accountId, region, name).resolve(CHECKPOINT),
                    checkpoint.toJson().toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The source checkpoint kept for a delivery stream, or null when there is none (no data
     * directory, or one written before checkpoints were kept); IllegalStateException naming the file
     * when it cannot be read.
     */
    SourceCheckpoint checkpoint(String accountId, String region, String name) {
        if (directory == null) {
            return null;
        }
        Path file = dir(accountId, region, name).resolve(CHECKPOINT);
        byte[] content = AtomicFiles.read(file);
        if (content == null) {
            return null;
        }
        try {
            return SourceCheckpoint.parse(JSON.readTree(content));
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("cannot read the Kinesis source checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The buffer journal of a delivery stream, its records handed to {@code replay} first. */
    BufferJournal journal(String accountId, String region, String name, Consumer<byte[]> replay) {
        return directory == null ? BufferJournal.NONE
                : BufferJournal.open(dir(accountId, region, name).resolve("buffer"), replay);
    }

    /** Removes a delivery stream and its buffer (its journal closed first). */
    void delete(String accountId, String region, String name) {
        if (directory != null) {
            AtomicFiles.deleteTree(dir(accountId, region, name));
            AtomicFiles.syncDirectory(directory.resolve(accountId).resolve(region));
        }
    }

    /** Every snapshot kept. */
    List<ObjectNode> loadAll() {
        List<ObjectNode> kept = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return kept;
        }
        try (var files = Files.find(directory, 4, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("stream.json"))) {
            for (Path file : files.sorted().toList()) {
                kept.add((ObjectNode) JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the delivery streams in " + directory, e);
        }
        return kept;
    }

    private Path dir(String accountId, String region, String name) {
        return directory.resolve(accountId).resolve(region).resolve(name);
    }
}
