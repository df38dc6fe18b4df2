package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Lambda keeps its functions (configuration, tags, resource policy, code): nowhere beyond memory
 * without a data directory, else {@code ACCOUNT/REGION/NAME/function.json} and {@code code.zip}.
 */
class FunctionStorage {

    /** A function read back: its scope ({@code ACCOUNT/REGION}), its metadata and its code. */
    record Kept(String scope, ObjectNode metadata, byte[] code) {
    }

    /** Keeps nothing: functions live in memory only. */
    static final FunctionStorage NONE = new FunctionStorage(null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    FunctionStorage(Path directory) {
        this.directory = directory;
    }

    /** Keeps a function as it is now; callers hold its monitor. */
    void save(String scope, LambdaFunction function) {
        if (directory == null) {
            return;
        }
        Path dir = directory.resolve(scope).resolve(function.name);
        ObjectNode metadata = JSON.createObjectNode();
        metadata.set("configuration", function.configuration);
        metadata.set("tags", JSON.valueToTree(function.tags));
        metadata.set("statements", JSON.valueToTree(function.statements));
        // Code first: a function.json never names code that is not on disk.
        AtomicFiles.write(dir.resolve("code.zip"), function.code);
        AtomicFiles.write(dir.resolve("function.json"), metadata.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void delete(String scope, String name) {
        if (directory != null) {
            AtomicFiles.deleteTree(directory.resolve(scope).resolve(name));
        }
    }

    /** Every function kept. */
    List<Kept> loadAll() {
        List<Kept> kept = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return kept;
        }
        try (var files = Files.find(directory, 4, (path, attributes) -> path.endsWith("function.json"))) {
            for (Path file : files.sorted().toList()) {
                Path relative = directory.relativize(file);
                JsonNode metadata = JSON.readTree(file.toFile());
                kept.add(new Kept(relative.getName(0) + "/" + relative.getName(1), (ObjectNode) metadata,
                        Files.readAllBytes(file.resolveSibling("code.zip"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the functions in " + directory, e);
        }
        return kept;
    }
}
