package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Keeps each stack in {@code stacks/NAME-UUID.json} of the CloudFormation data directory, written atomically. */
final class FileStackStorage implements StackStorage {

    private final Path directory;

    FileStackStorage(Path directory) {
        this.directory = directory;
    }

    private Path file(Stack stack) {
        String id = stack.stackId();
        // arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/UUID: name and id are unique per account and region.
        String[] arn = id.split(":", 6);
        return directory.resolve(arn[4]).resolve(arn[3]).resolve(id.substring(id.indexOf("stack/") + 6)
                .replace('/', '-') + ".json");
    }

    @Override
    public void save(Stack stack) {
        AtomicFiles.write(file(stack), StackJson.write(stack));
    }

    @Override
    public List<Stack> loadAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Stack> stacks = new ArrayList<>();
        try (var files = Files.find(directory, 3, (path, attributes) -> path.toString().endsWith(".json"))) {
            for (Path file : files.toList()) {
                stacks.add(StackJson.read(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stacks in " + directory, e);
        }
        stacks.sort(Comparator.comparing(Stack::creationTime));
        return stacks;
    }
}
