package io.github.kinesisfanout.local.lambda.esm;

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

/** Keeps each event source mapping as an atomic snapshot {@code ACCOUNT/REGION/UUID.json} under one directory. */
public final class FileMappingStorage implements MappingStorage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    public FileMappingStorage(Path directory) {
        this.directory = directory;
    }

    @Override
    public void save(String scope, String uuid, ObjectNode snapshot) {
        AtomicFiles.write(file(scope, uuid), snapshot.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void delete(String scope, String uuid) {
        try {
            Files.deleteIfExists(file(scope, uuid));
            AtomicFiles.syncDirectory(file(scope, uuid).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file(scope, uuid), e);
        }
    }

    @Override
    public List<Kept> loadAll() {
        List<Kept> kept = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return kept;
        }
        try (var files = Files.find(directory, 3, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().endsWith(".json"))) {
            for (Path file : files.sorted().toList()) {
                Path relative = directory.relativize(file);
                if (relative.getNameCount() == 3) {
                    kept.add(new Kept(relative.getName(0) + "/" + relative.getName(1),
                            (ObjectNode) JSON.readTree(file.toFile())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event source mappings in " + directory, e);
        }
        return kept;
    }

    private Path file(String scope, String uuid) {
        return directory.resolve(scope).resolve(uuid + ".json");
    }
}
