package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.FlinkClasspath;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.LocalJob;
import io.github.kinesisfanout.operations.flink.LocalJobLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * The parameters of the goals that run the job on this machine (forked JVM, memory, timeout) and
 * the start itself: resolve the Flink runtime, package, fork, wait for RUNNING.
 */
public abstract class AbstractLocalFlinkMojo extends AbstractFlinkMojo {

    /** The job's log, under outputDirectory. */
    static final String LOG_FILE = "job.log";

    /** The heap of the forked JVM that runs the MiniCluster, as -Xmx takes it. */
    @Parameter(property = "fanout.flink.memory", defaultValue = "768m")
    protected String memory;

    /** More arguments of the forked JVM, separated by spaces, e.g. {@code -XX:+UseSerialGC}. */
    @Parameter(property = "fanout.flink.jvmArgs")
    protected String jvmArgs;

    /** How long, in seconds, the job may take from the fork to RUNNING. */
    @Parameter(property = "fanout.flink.timeout", defaultValue = "120")
    protected int timeout;

    /**
     * How long, in seconds, the goal keeps watching a job after RUNNING: its sources connect only
     * then, so a missing stream or refused credentials fail the job a moment later.
     */
    @Parameter(property = "fanout.flink.settle", defaultValue = "5")
    protected int settle;

    /** Resolves the Flink runtime from the build's repositories. */
    @Component
    protected RepositorySystem repositorySystem;

    /** Packages with the local defaults (TRIM_HORIZON) and starts the job; it is RUNNING when this returns. */
    protected final LocalJob startJob() {
        if (timeout <= 0) {
            throw HelpfulSuggestions.invalidParameter("timeout", "fanout.flink.timeout", timeout,
                    "it must be a positive number of seconds");
        }
        List<String> coordinates;
        try {
            coordinates = FlinkClasspath.coordinates(flinkVersion);
        } catch (IllegalArgumentException e) {
            throw HelpfulSuggestions.invalidParameter("flinkVersion", "fanout.flink.version", flinkVersion,
                    "the local runtime knows only Flink " + String.join(", ", FlinkClasspath.VERSIONS));
        }
        List<Path> classpath = new FlinkRuntimeResolver(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories()).resolve(flinkVersion, coordinates);
        FlinkPackage written = packageJob("TRIM_HORIZON");
        return new LocalJobLauncher(listener()).start(classpath, written, outputDirectory.toPath().resolve(LOG_FILE),
                forkedJvmArgs(), Duration.ofSeconds(timeout), Duration.ofSeconds(Math.max(0, settle)));
    }

    private List<String> forkedJvmArgs() {
        List<String> args = new ArrayList<>();
        if (memory != null && !memory.isBlank()) {
            args.add("-Xmx" + memory.trim());
        }
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            for (String arg : jvmArgs.trim().split(" +")) {
                args.add(arg);
            }
        }
        return args;
    }
}
