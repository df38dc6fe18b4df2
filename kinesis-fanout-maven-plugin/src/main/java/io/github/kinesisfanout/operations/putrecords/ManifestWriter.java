package io.github.kinesisfanout.operations.putrecords;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what was sent, one JSON object per line: {@code data} (the record text),
 * {@code partitionKey}, {@code shardId}, {@code sequenceNumber}, {@code putTimestamp} (ms since the epoch).
 */
final class ManifestWriter implements SentRecordSink, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter writer;

    ManifestWriter(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest " + file, e);
        }
    }

    @Override
    public void accepted(OutgoingRecord record, String shardId, String sequenceNumber, long putTimestampMillis) {
        ObjectNode line = JSON.createObjectNode()
                .put("data", record.text())
                .put("partitionKey", record.partitionKey())
                .put("shardId", shardId)
                .put("sequenceNumber", sequenceNumber)
                .put("putTimestamp", putTimestampMillis);
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the manifest " + file, e);
        }
    }
}
