package io.github.kinesisfanout.local.analytics;

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

/**
 * Where Kinesis Analytics keeps its applications: nowhere beyond memory without a directory, else
 * one atomic snapshot {@code ACCOUNT/REGION/NAME.json} per application.
 */
final class ApplicationStorage {

    /** Keeps nothing: applications live in memory only. */
    static final ApplicationStorage NONE = new ApplicationStorage(null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    ApplicationStorage(Path directory) {
        this.directory = directory;
    }

    boolean keeps() {
        return directory != null;
    }

    /** Replaces an application's snapshot; callers serialize the saves of one application. */
    void save(Application app, ObjectNode snapshot) {
        if (directory != null) {
            AtomicFiles.write(file(app), snapshot.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    void delete(String accountId, String region, String name) {
        if (directory == null) {
            return;
        }
        Path file = directory.resolve(accountId).resolve(region).resolve(name + ".json");
        try {
            Files.deleteIfExists(file);
            AtomicFiles.syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    /** Every snapshot kept. */
    List<ObjectNode> loadAll() {
        List<ObjectNode> kept = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return kept;
        }
        try (var files = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".json"))) {
            for (Path file : files.sorted().toList()) {
                kept.add((ObjectNode) JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the applications in " + directory, e);
        }
        return kept;
    }

    private Path file(Application app) {
        return directory.resolve(app.accountId).resolve(app.region).resolve(app.name + ".json");
    }
}
