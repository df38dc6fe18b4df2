package io.github.kinesisfanout.local.conformance;

import io.github.kinesisfanout.local.analyticsv2.FlinkJob;
import io.github.kinesisfanout.local.analyticsv2.FlinkJobLauncher;
import io.github.kinesisfanout.local.analyticsv2.FlinkJobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A Flink job launcher whose jobs run at once, nowhere, and take savepoints as marker files. */
final class FakeFlinkJobs implements FlinkJobLauncher {

    private final AtomicInteger savepoints = new AtomicInteger();

    @Override
    public void checkRuntime(String flinkVersion) {
    }

    @Override
    public FlinkJob start(FlinkJobRequest request) {
        return new FlinkJob() {
            private volatile boolean alive = true;

            @Override
            public void awaitRunning(Duration timeout) {
            }

            @Override
            public boolean isAlive() {
                return alive;
            }

            @Override
            public Path logFile() {
                return request.logFile();
            }

            @Override
            public Optional<String> stopWithSavepoint(Path directory, Duration timeout) {
                alive = false;
                return savepoint(directory, timeout);
            }

            @Override
            public Optional<String> savepoint(Path directory, Duration timeout) {
                try {
                    Path savepoint = Files.createDirectories(directory.resolve("savepoint-" + savepoints.incrementAndGet()));
                    Files.writeString(savepoint.resolve("_metadata"), "fake");
                    return Optional.of(savepoint.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void stop(Duration timeout) {
                alive = false;
            }
        };
    }
}
