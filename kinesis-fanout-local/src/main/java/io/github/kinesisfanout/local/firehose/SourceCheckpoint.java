package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.kinesis.StartingPosition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@code KinesisStreamAsSource} delivery stream resumes reading its Kinesis stream after a
 * restart: per shard being read, the position of its {@code ShardCursor} (TRIM_HORIZON for a child
 * not read yet, else the sequence number the next read starts at), and the shards read to their end.
 * A shard in neither starts from TRIM_HORIZON once its parents are read to their end.
 *
 * @param positions where each shard being read resumes, in reading order
 * @param finished the shards read to their end (closed by resharding)
 */
record SourceCheckpoint(Map<String, StartingPosition> positions, Set<String> finished) {

    SourceCheckpoint {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        finished = Collections.unmodifiableSet(new LinkedHashSet<>(finished));
    }

    /** As {@code checkpoint.json} keeps it: {@code {"shards": {ID: {"type", "sequenceNumber"}}, "finished": [ID]}}. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode shards = node.putObject("shards");
        positions.forEach((shard, position) -> {
            ObjectNode at = shards.putObject(shard).put("type", position.type());
            if (position.sequenceNumber() != null) {
                at.put("sequenceNumber", position.sequenceNumber());
            }
        });
        finished.forEach(node.putArray("finished")::add);
        return node;
    }

    /** The checkpoint {@link #toJson()} wrote; IllegalStateException naming the file's problem when it is not one. */
    static SourceCheckpoint parse(JsonNode node) {
        Map<String, StartingPosition> positions = new LinkedHashMap<>();
        node.path("shards").fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("type").asText();
            String sequenceNumber = entry.getValue().path("sequenceNumber").asText(null);
            boolean bySequence = type.equals("AT_SEQUENCE_NUMBER") || type.equals("AFTER_SEQUENCE_NUMBER");
            if (!(bySequence && sequenceNumber != null || type.equals("TRIM_HORIZON") && sequenceNumber == null)) {
                throw new IllegalStateException("shard " + entry.getKey() + " has no resumable position: "
                        + entry.getValue());
            }
            positions.put(entry.getKey(), new StartingPosition(type, sequenceNumber, null));
        });
        Set<String> finished = new LinkedHashSet<>();
        node.path("finished").forEach(shard -> finished.add(shard.asText()));
        return new SourceCheckpoint(positions, finished);
    }
}
