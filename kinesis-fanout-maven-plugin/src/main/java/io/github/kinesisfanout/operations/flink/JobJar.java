package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

/**
 * Writes the application jar: the job jar the plugin ships, with the translated script added as
 * the resource the job loads, byte for byte the same for the same script (so its hash can name it).
 */
public final class JobJar {

    /** Where the plugin jar holds the job jar. */
    public static final String EMBEDDED_RESOURCE = "/kinesis-fanout/flink/kinesis-fanout-flink.jar";

    /** The entry of the application jar that holds the translated script; the job loads it from its classpath. */
    public static final String SCRIPT_ENTRY = "kinesis-fanout/application.sql";

    // A fixed time for the added entry, so two packagings of one script give one hash.
    private static final FileTime ENTRY_TIME = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    private JobJar() {
    }

    // The zip file system stamps a new entry with the current modification, access and creation times.
    private static void fixTimes(Path entry) throws IOException {
        Files.getFileAttributeView(entry, BasicFileAttributeView.class).setTimes(ENTRY_TIME, ENTRY_TIME, ENTRY_TIME);
    }

    /** The job jar inside the plugin jar, or a failure saying the plugin was built without it. */
    public static InputStream embedded() {
        InputStream in = JobJar.class.getResourceAsStream(EMBEDDED_RESOURCE);
        if (in == null) {
            throw new FanoutException("This build of kinesis-fanout-maven-plugin holds no Flink job jar ("
                    + EMBEDDED_RESOURCE + "): build the plugin with its kinesis-fanout-flink module (./mvnw package"
                    + " from the project root) or use a released plugin");
        }
        return in;
    }

    /** Copies {@code jobJar} to {@code target} and adds {@code script} as {@link #SCRIPT_ENTRY}. */
    public static void write(InputStream jobJar, String script, Path target) {
        try (InputStream in = jobJar) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new FanoutException("Cannot write the application jar " + target + ": " + e.getMessage(), e);
        }
        // The zip file system copies the job's entries without recompressing them, and adds one.
        URI uri = URI.create("jar:" + target.toAbsolutePath().toUri());
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            Path entry = jar.getPath(SCRIPT_ENTRY);
            Files.createDirectories(entry.getParent());
            Files.writeString(entry, script, StandardCharsets.UTF_8);
            fixTimes(entry);
            fixTimes(entry.getParent());
        } catch (IOException | UncheckedIOException e) {
            throw new FanoutException("Cannot add the script to the application jar " + target + ": " + e.getMessage(), e);
        }
    }
}
