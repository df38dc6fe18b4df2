package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.local.LocalCloudLauncher;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/** The parameters start-local and run-local share, and the start of the cloud they configure. */
public abstract class AbstractLocalCloudMojo extends AbstractFanoutMojo {

    /** The address to listen on; 127.0.0.1 keeps it to this machine, 0.0.0.0 opens it to the network. */
    @Parameter(property = "fanout.localHost", defaultValue = "127.0.0.1")
    protected String host;

    /**
     * Where consumer Lambda log lines go: {@code logs} keeps them in CloudWatch Logs
     * ({@code /aws/lambda/NAME}, as on AWS; verify-fanout counts them), {@code console} prints each
     * line in the build log as well.
     */
    @Parameter(property = "fanout.consumerLogs", defaultValue = "logs")
    protected String consumerLogs;

    /**
     * A directory where the local cloud keeps its state across restarts and even a kill (which
     * services: the local cloud's README, "Data directory"); created when missing, used by one cloud
     * at a time. Unset, everything stays in memory.
     */
    @Parameter(property = "fanout.localDataDir")
    protected File dataDir;

    /**
     * With {@code dataDir}, about how much data the local cloud keeps in memory before it reads older
     * data back from the directory: {@code 64m}, {@code 1g} or a number of bytes, at least {@code 1m};
     * two thirds for Kinesis records, one third for CloudWatch Logs events. Unset, 96 MiB (64 + 32).
     * Refused without {@code dataDir} (everything is in memory then).
     */
    @Parameter(property = "fanout.localMemoryBudget")
    protected String memoryBudget;

    /**
     * The application goals' engine: with flink, the Flink runtime the local Managed Flink runs jobs
     * with is resolved through this build's repositories (else the cloud looks in ~/.m2 itself).
     */
    @Parameter(property = "fanout.engine", defaultValue = "sql")
    protected String engine;

    @Component
    protected RepositorySystem repositorySystem;

    /** Starts a local cloud on this port with the shared parameters. */
    protected final LocalCloud startCloud(int port) {
        java.util.List<java.nio.file.Path> flinkClasspath = null;
        if ("flink".equalsIgnoreCase(engine == null ? "" : engine.trim()) && repositorySystem != null && project != null) {
            String version = io.github.kinesisfanout.local.FlinkClasspath.VERSIONS.get(0);
            flinkClasspath = new FlinkRuntimeResolver(repositorySystem, session.getRepositorySession(),
                    project.getRemoteProjectRepositories()).resolve(version,
                    io.github.kinesisfanout.local.FlinkClasspath.coordinates(version));
        }
        return new LocalCloudLauncher(listener()).start(host, port, region, consumerLogsToConsole(),
                dataDir == null ? null : dataDir.toPath(), memoryBudget, flinkClasspath);
    }

    private boolean consumerLogsToConsole() {
        String value = consumerLogs == null ? "logs" : consumerLogs.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "logs" -> false;
            case "console" -> true;
            default -> throw HelpfulSuggestions.invalidParameter("consumerLogs", "fanout.consumerLogs", consumerLogs,
                    "it must be logs or console");
        };
    }
}
