package io.github.kinesisfanout.local.analyticsv2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The files of the service's jobs: per application and run a directory with the jar, the properties
 * and the log, and per application a savepoint directory (in the data directory when there is one, so
 * snapshots outlive the cloud). A temporary root is deleted on close.
 */
final class WorkDirectory implements AutoCloseable {

    /** Stands for the savepoint root in the paths kept in the data directory, so the directory may move. */
    private static final String SAVEPOINT_ROOT = "${savepoints}";

    private final Path configured;
    private final Path savepointRoot;
    private Path root;

    /**
     * @param configured where runs go; null: a temporary directory
     * @param savepointRoot where savepoints go (kept on close); null: under the runs' root
     */
    WorkDirectory(Path configured, Path savepointRoot) {
        this.configured = configured;
        this.savepointRoot = savepointRoot;
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
        if (savepointRoot != null) {
            try {
                return Files.createDirectories(savepointRoot.resolve(app.accountId).resolve(app.region).resolve(app.name));
            } catch (IOException e) {
                throw new FlinkLaunchException("Cannot create the savepoint directory of " + app.name + ": "
                        + e.getMessage(), e);
            }
        }
        return directory(app.accountId, app.region, app.name, "savepoints");
    }

    /** Deletes every savepoint of a deleted application kept in the data directory (best effort). */
    void deleteSavepoints(FlinkApplication app) {
        if (savepointRoot != null) {
            deleteTree(savepoints(app));
        }
    }

    /** A savepoint path as kept in the data directory: relative to the savepoint root when under it. */
    String portable(String savepointPath) {
        return savepointRoot == null || savepointPath == null ? savepointPath
                : savepointPath.replace(savepointRoot.toString(), SAVEPOINT_ROOT);
    }

    /** A kept savepoint path made absolute again, wherever the data directory is now. */
    String resolve(String portablePath) {
        return savepointRoot == null || portablePath == null ? portablePath
                : portablePath.replace(SAVEPOINT_ROOT, savepointRoot.toString());
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
