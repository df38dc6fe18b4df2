package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import io.github.kinesisfanout.local.storage.DataDirectoryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Managed Flink keeps its applications: nowhere beyond memory without a data directory, else one
 * atomic record {@code ACCOUNT/REGION/NAME.json} per application, rewritten after every change of it.
 */
final class ApplicationFiles {

    /** Decimals read back exactly, so the timestamps of the kept ApplicationDetails keep their digits. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final Path directory;
    private final WorkDirectory work;
    private final Map<String, String> written = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param directory where the records go; null keeps nothing
     * @param work turns savepoint paths into paths relative to the savepoint root and back
     */
    ApplicationFiles(Path directory, WorkDirectory work) {
        this.directory = directory;
        this.work = work;
    }

    /**
     * Writes the application's record unless it is unchanged since the last write. Under the
     * application's monitor, so the records of one application are written in the order of its changes.
     */
    void save(FlinkApplication app) {
        if (directory == null || closed) {
            return;
        }
        synchronized (app) {
            if (app.removed) {
                return;
            }
            String text = ApplicationRecords.write(app, work).toString();
            if (!text.equals(written.get(app.arn))) {
                AtomicFiles.write(file(app.accountId, app.region, app.name), text.getBytes(StandardCharsets.UTF_8));
                written.put(app.arn, text);
            }
        }
    }

    /** Forgets a deleted application: its record goes, and no later save brings it back. */
    void delete(FlinkApplication app) {
        synchronized (app) {
            app.removed = true;
        }
        if (directory == null || closed) {
            return;
        }
        written.remove(app.arn);
        Path file = file(app.accountId, app.region, app.name);
        try {
            Files.deleteIfExists(file);
            AtomicFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Every application kept, as it was last written. */
    List<FlinkApplication> loadAll() {
        List<FlinkApplication> kept = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return kept;
        }
        List<Path> files;
        try (var found = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".json"))) {
            files = found.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Managed Flink applications in " + directory, e);
        }
        for (Path file : files) {
            JsonNode node;
            try {
                node = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new DataDirectoryException("cannot read Managed Flink application record " + file + ": "
                        + e.getMessage(), e);
            }
            FlinkApplication app = ApplicationRecords.read(node, file, work);
            written.put(app.arn, node.toString());
            kept.add(app);
        }
        return kept;
    }

    /** No more writes: what is on disk stays as it was when the cloud began to stop. */
    void close() {
        closed = true;
    }

    private Path file(String accountId, String region, String name) {
        return directory.resolve(accountId).resolve(region).resolve(name + ".json");
    }
}
