package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.operations.FanoutException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the manifest put-records writes: one JSON object a line with {@code data},
 * {@code partitionKey}, {@code shardId}, {@code sequenceNumber} and {@code putTimestamp}.
 */
public final class PutRecordsManifest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PutRecordsManifest() {
    }

    /**
     * @param file the manifest
     * @return its records in file order
     * @throws FanoutException naming the file and line when it is missing or malformed
     */
    public static List<ManifestRecord> read(Path file) {
        List<ManifestRecord> records = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    records.add(parse(file, number, line));
                }
            }
        } catch (NoSuchFileException e) {
            throw new FanoutException("The put-records manifest " + file + " does not exist: run put-records first,"
                    + " or point -Dfanout.manifest=FILE at the manifest it wrote");
        } catch (IOException e) {
            throw new FanoutException("Cannot read the put-records manifest " + file + ": " + e.getMessage(), e);
        }
        return records;
    }

    private static ManifestRecord parse(Path file, int number, String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw malformed(file, number, "not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw malformed(file, number, "not a JSON object");
        }
        if (!node.path("data").isTextual()) {
            throw malformed(file, number, "no text member \"data\"");
        }
        if (!node.path("putTimestamp").canConvertToLong()) {
            throw malformed(file, number, "no number member \"putTimestamp\"");
        }
        return new ManifestRecord(node.get("data").asText(), node.path("partitionKey").asText(null),
                node.path("shardId").asText(null), node.path("sequenceNumber").asText(null),
                node.get("putTimestamp").asLong());
    }

    private static FanoutException malformed(Path file, int line, String problem) {
        return new FanoutException(file + ", line " + line + ": " + problem + "; is this a put-records manifest?");
    }
}
