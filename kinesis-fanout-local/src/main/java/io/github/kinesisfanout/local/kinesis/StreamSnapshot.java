package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A stream's metadata as JSON: identity, status, mode, retention, tags, the shard counter and every
 * shard with its hash range, lineage, creation time (its sequence numbers derive from it) and, once
 * closed, its closing time, ending sequence number and children.
 */
final class StreamSnapshot {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamSnapshot() {
    }

    /** The stream's metadata; callers hold the stream's monitor. */
    static byte[] write(Stream stream) {
        ObjectNode root = JSON.createObjectNode();
        root.put("accountId", stream.accountId()).put("region", stream.region()).put("name", stream.name())
                .put("createdMillis", stream.createdMillis()).put("status", stream.status())
                .put("streamMode", stream.streamMode()).put("retentionPeriodHours", stream.retentionPeriodHours())
                .put("nextShardIndex", stream.nextShardIndex());
        ObjectNode tags = root.putObject("tags");
        stream.tags().forEach(tags::put);
        ArrayNode shards = root.putArray("shards");
        for (Shard shard : stream.shards()) {
            ObjectNode node = shards.addObject().put("index", shard.index())
                    .put("startingHashKey", shard.startingHashKey().toString())
                    .put("endingHashKey", shard.endingHashKey().toString())
                    .put("parentShardId", shard.parentShardId())
                    .put("adjacentParentShardId", shard.adjacentParentShardId())
                    .put("createdMillis", shard.createdMillis());
            if (!shard.isOpen()) {
                node.put("closedMillis", shard.closedMillis()).put("endingSequenceNumber",
                        shard.endingSequenceNumber());
                ArrayNode children = node.putArray("children");
                shard.children().forEach(child -> children.add(child.index()));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stream from its metadata, each shard's log made by {@code logs} (by shard index). */
    static Stream read(byte[] bytes, IntFunction<ShardLog> logs) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stream stream = new Stream(root.get("accountId").asText(), root.get("region").asText(),
                root.get("name").asText(), root.get("streamMode").asText(), root.get("createdMillis").asLong());
        stream.status(root.get("status").asText());
        stream.retentionPeriodHours(root.get("retentionPeriodHours").asInt());
        stream.restoreNextShardIndex(root.get("nextShardIndex").asInt());
        root.get("tags").properties().forEach(tag -> stream.tags().put(tag.getKey(), tag.getValue().asText()));
        Map<Integer, Shard> byIndex = new HashMap<>();
        List<Shard> shards = new ArrayList<>();
        for (JsonNode node : root.get("shards")) {
            int index = node.get("index").asInt();
            Shard shard = new Shard(index, new BigInteger(node.get("startingHashKey").asText()),
                    new BigInteger(node.get("endingHashKey").asText()), text(node, "parentShardId"),
                    text(node, "adjacentParentShardId"), node.get("createdMillis").asLong(), logs.apply(index));
            byIndex.put(index, shard);
            shards.add(shard);
        }
        for (JsonNode node : root.get("shards")) {
            if (node.has("closedMillis")) {
                List<Shard> children = new ArrayList<>();
                node.get("children").forEach(child -> children.add(byIndex.get(child.asInt())));
                byIndex.get(node.get("index").asInt()).restoreClosed(node.get("closedMillis").asLong(),
                        node.get("endingSequenceNumber").asText(), children);
            }
        }
        stream.addShards(shards);
        return stream;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
