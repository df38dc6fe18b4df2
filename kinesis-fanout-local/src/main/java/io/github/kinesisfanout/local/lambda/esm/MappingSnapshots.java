package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns an event source mapping into the JSON snapshot its storage keeps, and back. */
final class MappingSnapshots {

    private MappingSnapshots() {
    }

    static ObjectNode snapshot(EventSourceMapping mapping, Map<String, String> checkpoints, List<String> initialShards) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("uuid", mapping.uuid);
        node.put("arn", mapping.arn);
        node.put("state", mapping.state);
        node.put("lastModified", mapping.lastModified);
        node.put("lastProcessingResult", mapping.lastProcessingResult);
        node.set("config", config(mapping.config()));
        ObjectNode positions = node.putObject("checkpoints");
        checkpoints.forEach(positions::put);
        initialShards.forEach(node.putArray("initialShards")::add);
        return node;
    }

    private static ObjectNode config(MappingConfig c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("eventSourceArn", c.eventSourceArn());
        node.put("functionArn", c.functionArn());
        node.put("batchSize", c.batchSize());
        node.put("batchingWindowSeconds", c.batchingWindowSeconds());
        node.put("startingPosition", c.startingPosition());
        if (c.startingPositionTimestamp() != null) {
            node.put("startingPositionTimestamp", c.startingPositionTimestamp().toString());
        }
        node.put("parallelizationFactor", c.parallelizationFactor());
        node.put("bisectOnError", c.bisectOnError());
        node.put("maximumRetryAttempts", c.maximumRetryAttempts());
        node.put("maximumRecordAgeSeconds", c.maximumRecordAgeSeconds());
        node.put("reportBatchItemFailures", c.reportBatchItemFailures());
        if (c.destinationConfig() != null) {
            node.set("destinationConfig", c.destinationConfig());
        }
        c.functionResponseTypes().forEach(node.putArray("functionResponseTypes")::add);
        return node;
    }

    /** The mapping a snapshot describes, with its checkpoints and state (not enabled yet). */
    static EventSourceMapping restore(JsonNode node, MappingRuntime runtime, MappingStorage storage) {
        JsonNode c = node.get("config");
        List<String> types = new ArrayList<>();
        c.path("functionResponseTypes").forEach(t -> types.add(t.asText()));
        MappingConfig config = new MappingConfig(c.get("eventSourceArn").asText(), c.get("functionArn").asText(),
                c.get("batchSize").asInt(), c.get("batchingWindowSeconds").asInt(), c.get("startingPosition").asText(),
                c.hasNonNull("startingPositionTimestamp") ? Instant.parse(c.get("startingPositionTimestamp").asText()) : null,
                c.get("parallelizationFactor").asInt(), c.get("bisectOnError").asBoolean(),
                c.get("maximumRetryAttempts").asInt(), c.get("maximumRecordAgeSeconds").asInt(),
                c.get("reportBatchItemFailures").asBoolean(), c.hasNonNull("destinationConfig") ? c.get("destinationConfig") : null,
                List.copyOf(types));
        EventSourceMapping mapping = new EventSourceMapping(node.get("uuid").asText(), node.get("arn").asText(), config,
                runtime, storage);
        mapping.state = node.get("state").asText();
        mapping.lastModified = node.get("lastModified").asLong();
        mapping.lastProcessingResult = node.get("lastProcessingResult").asText();
        List<String> shards = new ArrayList<>();
        node.path("initialShards").forEach(s -> shards.add(s.asText()));
        mapping.restorePositions(node.path("checkpoints"), shards);
        return mapping;
    }
}
