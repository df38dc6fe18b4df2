package io.github.kinesisfanout.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Flink runtime a table job needs on a plain JVM (a MiniCluster), as Maven coordinates per Flink
 * version, kept in a resource file computed once from Maven's dependency resolution.
 */
public final class FlinkClasspath {

    /** The Flink versions whose runtime closure is known. */
    public static final List<String> VERSIONS = List.of("1.19.3");

    private FlinkClasspath() {
    }

    /**
     * The {@code group:artifact:version} coordinates of the Flink runtime (no Kinesis connector: it is
     * in the job jar), in classpath order.
     */
    public static List<String> coordinates(String flinkVersion) {
        String resource = "flink-runtime-" + flinkVersion + ".txt";
        try (InputStream in = FlinkClasspath.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Flink " + flinkVersion + " is not supported by the local launcher"
                        + " (known versions: " + String.join(", ", VERSIONS) + "); its runtime list is the resource "
                        + FlinkClasspath.class.getPackageName().replace('.', '/') + "/" + resource);
            }
            List<String> coordinates = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    coordinates.add(trimmed);
                }
            }
            return List.copyOf(coordinates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jars of {@link #coordinates} in a local Maven repository ({@code ~/.m2/repository}), failing
     * with the missing coordinates and the command that fetches them.
     */
    public static List<Path> fromLocalRepository(Path m2Repository, String flinkVersion) {
        List<Path> jars = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String coordinate : coordinates(flinkVersion)) {
            Path jar = jarPath(m2Repository, coordinate);
            if (Files.isRegularFile(jar)) {
                jars.add(jar);
            } else {
                missing.add(coordinate);
            }
        }
        if (!missing.isEmpty()) {
            StringBuilder message = new StringBuilder("the Flink ").append(flinkVersion).append(" runtime is missing ")
                    .append(missing.size()).append(" artifact(s) in ").append(m2Repository).append(": ")
                    .append(String.join(", ", missing)).append(". Fetch them (online) with:");
            for (String coordinate : missing) {
                message.append("\n  mvn dependency:get -Dartifact=").append(coordinate);
            }
            throw new IllegalStateException(message.toString());
        }
        return List.copyOf(jars);
    }

    /** Where a {@code group:artifact:version} jar lives in a Maven repository directory. */
    static Path jarPath(Path m2Repository, String coordinate) {
        String[] parts = coordinate.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a group:artifact:version coordinate: " + coordinate);
        }
        Path directory = m2Repository;
        for (String segment : parts[0].split("\\.")) {
            directory = directory.resolve(segment);
        }
        return directory.resolve(parts[1]).resolve(parts[2]).resolve(parts[1] + "-" + parts[2] + ".jar");
    }
}
