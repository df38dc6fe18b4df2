package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a Kinesis Analytics application (configuration, status, tags, checkpoints) into a JSON snapshot, and back. */
final class ApplicationSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApplicationSnapshots() {
    }

    /** The snapshot; callers hold the application's monitor. */
    static ObjectNode snapshot(Application app, Map<String, ShardPosition> checkpoints) {
        ObjectNode node = NODES.objectNode();
        node.put("name", app.name);
        node.put("accountId", app.accountId);
        node.put("region", app.region);
        node.put("created", app.createTimestamp.toString());
        node.put("lastUpdate", app.lastUpdateTimestamp.toString());
        node.put("versionId", app.versionId);
        node.put("status", app.status);
        ObjectNode tags = node.putObject("tags");
        app.tags.forEach(tags::put);
        ApplicationConfig config = app.config;
        node.put("description", config.description());
        node.put("code", config.code());
        for (ApplicationInput input : config.inputs()) {
            ObjectNode i = node.withArray("inputs").addObject();
            i.put("id", input.id()).put("namePrefix", input.namePrefix()).put("streamArn", input.streamArn())
                    .put("roleArn", input.roleArn()).put("parallelism", input.parallelism())
                    .put("startingPosition", input.startingPosition());
            i.set("schema", input.schema());
            i.set("processing", input.processing());
        }
        for (ApplicationOutput output : config.outputs()) {
            node.withArray("outputs").addObject().put("id", output.id()).put("name", output.name())
                    .put("destination", output.destination()).put("resourceArn", output.resourceArn())
                    .put("roleArn", output.roleArn()).put("recordFormatType", output.recordFormatType());
        }
        config.references().forEach(node.withArray("references")::add);
        config.loggingOptions().forEach(node.withArray("loggingOptions")::add);
        node.put("checkpointStreamArn", app.checkpointStreamArn);
        ObjectNode positions = node.putObject("checkpoints");
        checkpoints.forEach((shard, p) -> positions.putObject(shard).put("type", p.type())
                .put("sequenceNumber", p.sequenceNumber()).put("timestampMillis", p.timestampMillis()));
        return node;
    }

    /** The application a snapshot describes, not running. */
    static Application restore(JsonNode node) {
        List<ApplicationInput> inputs = new ArrayList<>();
        node.path("inputs").forEach(i -> inputs.add(new ApplicationInput(i.get("id").asText(), i.get("namePrefix").asText(),
                i.get("streamArn").asText(), text(i, "roleArn"), i.get("parallelism").asInt(), object(i, "schema"),
                object(i, "processing"), text(i, "startingPosition"))));
        List<ApplicationOutput> outputs = new ArrayList<>();
        node.path("outputs").forEach(o -> outputs.add(new ApplicationOutput(o.get("id").asText(), o.get("name").asText(),
                o.get("destination").asText(), text(o, "resourceArn"), text(o, "roleArn"), text(o, "recordFormatType"))));
        List<ObjectNode> references = new ArrayList<>();
        node.path("references").forEach(r -> references.add((ObjectNode) r));
        List<ObjectNode> logging = new ArrayList<>();
        node.path("loggingOptions").forEach(l -> logging.add((ObjectNode) l));
        Application app = new Application(node.get("name").asText(), node.get("accountId").asText(),
                node.get("region").asText(), Instant.parse(node.get("created").asText()), new ApplicationConfig(
                        text(node, "description"), text(node, "code"), inputs, outputs, references, logging));
        app.lastUpdateTimestamp = Instant.parse(node.get("lastUpdate").asText());
        app.versionId = node.get("versionId").asLong();
        app.status = node.get("status").asText();
        node.path("tags").fields().forEachRemaining(t -> app.tags.put(t.getKey(), t.getValue().asText()));
        app.checkpointStreamArn = text(node, "checkpointStreamArn");
        node.path("checkpoints").fields().forEachRemaining(e -> app.checkpoints.put(e.getKey(), new ShardPosition(
                e.getValue().get("type").asText(), text(e.getValue(), "sequenceNumber"),
                e.getValue().get("timestampMillis").asLong())));
        return app;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static ObjectNode object(JsonNode node, String field) {
        return node.hasNonNull(field) ? (ObjectNode) node.get(field) : null;
    }
}
