package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.DataDirectoryException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Turns a Managed Flink application (configuration, versions, status, tags, logging options,
 * snapshots, operations) into the JSON record kept in the data directory, and back.
 */
final class ApplicationRecords {

    /** The version of the record this code writes; a record of a newer one is refused. */
    static final int FORMAT_VERSION = 1;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApplicationRecords() {
    }

    /** The record; callers hold the application's monitor. */
    static ObjectNode write(FlinkApplication app, WorkDirectory work) {
        ObjectNode node = NODES.objectNode();
        node.put("formatVersion", FORMAT_VERSION);
        node.put("name", app.name).put("accountId", app.accountId).put("region", app.region);
        node.put("created", app.createTimestamp.toString()).put("lastUpdate", app.lastUpdateTimestamp.toString());
        node.put("description", app.description).put("runtime", app.runtime).put("role", app.serviceExecutionRole);
        node.set("configuration", app.configuration.deepCopy());
        app.loggingOptions.forEach(o -> node.withArray("loggingOptions").add(o.deepCopy()));
        node.set("runConfiguration", app.runConfiguration == null ? null : app.runConfiguration.deepCopy());
        node.put("versionId", app.versionId);
        if (app.versionUpdatedFrom != null) {
            node.put("versionUpdatedFrom", app.versionUpdatedFrom);
        }
        node.put("status", app.status).put("runNumber", app.runNumber);
        ObjectNode tags = node.putObject("tags");
        app.tags.forEach(tags::put);
        app.versions.values().forEach(v -> node.withArray("versions").add(v.deepCopy()));
        for (Snapshot s : app.snapshots.values()) {
            node.withArray("snapshots").addObject().put("name", s.name).put("versionId", s.applicationVersionId)
                    .put("runtime", s.runtime).put("created", s.created.toString()).put("status", s.status)
                    .put("savepointPath", work.portable(s.savepointPath)).put("failure", s.failure);
        }
        for (OperationHistory.Operation o : app.operations.oldestFirst()) {
            ObjectNode op = node.withArray("operations").addObject().put("id", o.id).put("name", o.name)
                    .put("start", o.start.toString()).put("status", o.status).put("error", o.error);
            op.put("end", o.end == null ? null : o.end.toString());
            if (o.versionFrom != null) {
                op.put("versionFrom", o.versionFrom).put("versionTo", o.versionTo);
            }
        }
        return node;
    }

    /** The application a record describes, as it was when written (no job). */
    static FlinkApplication read(JsonNode node, Path file, WorkDirectory work) {
        int version = node.path("formatVersion").asInt(-1);
        if (version != FORMAT_VERSION) {
            throw new DataDirectoryException("Managed Flink application record " + file + " has format version "
                    + (version < 0 ? "(none)" : version) + (version > FORMAT_VERSION ? ", written by a newer local cloud" : "")
                    + "; this local cloud reads format version " + FORMAT_VERSION
                    + " only: use the matching version or another data directory");
        }
        FlinkApplication app = new FlinkApplication(node.get("name").asText(), node.get("accountId").asText(),
                node.get("region").asText(), Instant.parse(node.get("created").asText()));
        app.lastUpdateTimestamp = Instant.parse(node.get("lastUpdate").asText());
        app.description = text(node, "description");
        app.runtime = text(node, "runtime");
        app.serviceExecutionRole = text(node, "role");
        app.configuration = (ObjectNode) node.get("configuration");
        node.path("loggingOptions").forEach(o -> app.loggingOptions.add((ObjectNode) o));
        app.runConfiguration = node.hasNonNull("runConfiguration") ? (ObjectNode) node.get("runConfiguration") : null;
        app.versionId = node.get("versionId").asLong();
        app.versionUpdatedFrom = node.hasNonNull("versionUpdatedFrom") ? node.get("versionUpdatedFrom").asLong() : null;
        app.status = node.get("status").asText();
        app.runNumber = node.path("runNumber").asLong();
        node.path("tags").fields().forEachRemaining(t -> app.tags.put(t.getKey(), t.getValue().asText()));
        node.path("versions").forEach(v -> app.versions.put(v.path("ApplicationVersionId").asLong(), (ObjectNode) v));
        for (JsonNode s : node.path("snapshots")) {
            Snapshot snapshot = new Snapshot(s.get("name").asText(), s.get("versionId").asLong(), text(s, "runtime"),
                    Instant.parse(s.get("created").asText()));
            snapshot.status = s.get("status").asText();
            snapshot.savepointPath = work.resolve(text(s, "savepointPath"));
            snapshot.failure = text(s, "failure");
            app.snapshots.put(snapshot.name, snapshot);
        }
        for (JsonNode o : node.path("operations")) {
            OperationHistory.Operation op = new OperationHistory.Operation(o.get("id").asText(), o.get("name").asText(),
                    Instant.parse(o.get("start").asText()), o.hasNonNull("versionFrom") ? o.get("versionFrom").asLong() : null,
                    o.hasNonNull("versionTo") ? o.get("versionTo").asLong() : null);
            op.status = o.get("status").asText();
            op.end = o.hasNonNull("end") ? Instant.parse(o.get("end").asText()) : null;
            op.error = text(o, "error");
            app.operations.add(op);
        }
        return app;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
