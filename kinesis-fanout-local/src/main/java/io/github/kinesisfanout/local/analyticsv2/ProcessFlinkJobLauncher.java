package io.github.kinesisfanout.local.analyticsv2;

import io.github.kinesisfanout.local.FlinkClasspath;
import io.github.kinesisfanout.local.FlinkJobException;
import io.github.kinesisfanout.local.FlinkJobProcess;
import io.github.kinesisfanout.local.FlinkJobSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs each job in a forked JVM on a Flink MiniCluster ({@link FlinkJobProcess}), with the Flink
 * runtime given on the command line or found in the local Maven repository.
 */
final class ProcessFlinkJobLauncher implements FlinkJobLauncher {

    private final List<Path> classpathOverride;
    private final Path m2Repository;

    ProcessFlinkJobLauncher(List<Path> classpathOverride, Path m2Repository) {
        this.classpathOverride = classpathOverride == null || classpathOverride.isEmpty() ? null : classpathOverride;
        this.m2Repository = m2Repository;
    }

    /** The local repository Maven uses: {@code -Dmaven.repo.local} or {@code ~/.m2/repository}. */
    static Path defaultRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    @Override
    public void checkRuntime(String flinkVersion) {
        classpath(flinkVersion);
    }

    private List<Path> classpath(String flinkVersion) {
        if (classpathOverride != null) {
            return classpathOverride;
        }
        try {
            return FlinkClasspath.fromLocalRepository(m2Repository, flinkVersion);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new FlinkLaunchException(e.getMessage() + " (or start the local cloud with --flink-classpath)", e);
        }
    }

    @Override
    public FlinkJob start(FlinkJobRequest request) {
        FlinkJobSpec spec = new FlinkJobSpec(classpath(request.flinkVersion()), request.jobJar(), null,
                request.propertiesFile(), request.logFile(), List.of(), request.savepointToRestore());
        try {
            return new ProcessJob(FlinkJobProcess.start(spec));
        } catch (FlinkJobException | IllegalArgumentException e) {
            throw new FlinkLaunchException(e.getMessage(), e);
        }
    }

    /** A forked job as the service sees it. */
    private record ProcessJob(FlinkJobProcess process) implements FlinkJob {

        @Override
        public void awaitRunning(Duration timeout) {
            try {
                process.awaitRunning(timeout);
            } catch (FlinkJobException e) {
                throw new FlinkLaunchException(e.getMessage(), e);
            }
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public Path logFile() {
            return process.logFile();
        }

        @Override
        public Optional<String> stopWithSavepoint(Path directory, Duration timeout) {
            return process.stopWithSavepoint(directory, timeout);
        }

        @Override
        public void stop(Duration timeout) {
            process.stop(timeout);
        }
    }
}
