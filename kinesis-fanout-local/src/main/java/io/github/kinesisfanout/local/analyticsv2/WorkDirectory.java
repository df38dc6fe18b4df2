package io.github.kinesisfanout.local.analyticsv2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of the service's jobs: per application and run a directory with the jar, the properties
 * and the log, and per application a savepoint directory. A temporary root is deleted on close.
 */
final class WorkDirectory implements AutoCloseable {

    private final Path configured;
    private Path root;

    WorkDirectory(Path configured) {
        this.configured = configured;
    }

    private synchronized Path root() throws IOException {
        if (root == null) {
            root = configured != null ? Files.createDirectories(configured)
                    : Files.createTempDirectory("kinesis-fanout-flink-");
        }
        return root;
    }

    Path runDirectory(LaunchPlan plan) {
        return directory(plan.accountId(), plan.region(), plan.applicationName(), "run-" + plan.runNumber());
    }

    Path savepoints(FlinkApplication app) {
        return directory(app.accountId, app.region, app.name, "savepoints");
    }

    private Path directory(String account, String region, String name, String leaf) {
        try {
            return Files.createDirectories(root().resolve(account).resolve(region).resolve(name).resolve(leaf));
        } catch (IOException e) {
            throw new FlinkLaunchException("Cannot create the job directory for " + name + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a savepoint directory of a deleted snapshot (best effort). */
    static void deleteTree(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (configured == null && root != null) {
            deleteTree(root);
        }
    }
}
