package io.github.kinesisfanout.operations.local;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.MemoryBudget;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.PropertyNames;
import java.net.BindException;
import java.nio.file.Path;

/** Starts an embedded {@link LocalCloud} and explains a port that cannot be bound. */
public final class LocalCloudLauncher {

    private final ProgressListener listener;

    public LocalCloudLauncher(ProgressListener listener) {
        this.listener = listener;
    }

    /**
     * Starts a local cloud.
     *
     * @param host the address to bind, e.g. 127.0.0.1
     * @param port the port, 0 for a free one
     * @param region the region of requests that carry none; null for us-east-1
     * @param functionLogsToConsole whether Lambda log lines are printed on the console too (they
     *     always go to CloudWatch Logs)
     * @param dataDirectory where every service keeps its state across restarts; null keeps everything
     *     in memory
     */
    public LocalCloud start(String host, int port, String region, boolean functionLogsToConsole, Path dataDirectory) {
        return start(host, port, region, functionLogsToConsole, dataDirectory, null);
    }

    /**
     * As {@link #start(String, int, String, boolean, Path)}, with the Flink runtime jars its Managed
     * Flink runs jobs with (null: the cloud looks in the local Maven repository itself).
     */
    public LocalCloud start(String host, int port, String region, boolean functionLogsToConsole, Path dataDirectory,
            java.util.List<Path> flinkClasspath) {
        return start(host, port, region, functionLogsToConsole, dataDirectory, null, flinkClasspath);
    }

    /**
     * As {@link #start(String, int, String, boolean, Path, java.util.List)}, with a memory budget for the
     * data directory ({@code 64m}, {@code 1g}, bytes; null or blank: the default, 96 MiB), refused
     * without a data directory.
     */
    public LocalCloud start(String host, int port, String region, boolean functionLogsToConsole, Path dataDirectory,
            String memoryBudget, java.util.List<Path> flinkClasspath) {
        if (port < 0 || port > 65_535) {
            throw HelpfulSuggestions.invalidParameter("port", "fanout.localPort", port, "it must be 0 to 65535");
        }
        MemoryBudget budget = memoryBudget(memoryBudget, dataDirectory);
        LocalCloud.Builder builder = LocalCloud.builder().host(host).port(port)
                .region(region != null && !region.isBlank() ? region : ClientSettings.LOCAL_REGION)
                .functionLogsToConsole(functionLogsToConsole);
        if (dataDirectory != null) {
            builder.dataDirectory(dataDirectory);
        }
        if (budget != null) {
            builder.memoryBudget(budget.bytes());
        }
        if (flinkClasspath != null) {
            builder.flinkClasspath(flinkClasspath);
        }
        LocalCloud cloud;
        try {
            cloud = builder.build().start();
        } catch (Exception e) {
            // Netty rethrows the bind failure unchecked, so a java.net.BindException can surface here.
            if (causedByBind(e)) {
                throw HelpfulSuggestions.portInUse(host, port, e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot start the local cloud on " + host + ":" + port, e);
        }
        listener.info("Local cloud listening on " + cloud.endpoint()
                + (dataDirectory != null ? ", state kept in " + dataDirectory + ", memory budget "
                        + cloud.settings().memoryBudget() : ""));
        return cloud;
    }

    /** The budget given, null when none; malformed, too small or without a data directory is refused. */
    static MemoryBudget memoryBudget(String text, Path dataDirectory) {
        if (text == null || text.isBlank()) {
            return null;
        }
        MemoryBudget budget;
        try {
            budget = MemoryBudget.parse(text);
        } catch (IllegalArgumentException e) {
            throw HelpfulSuggestions.invalidParameter("memoryBudget", PropertyNames.LOCAL_MEMORY_BUDGET, text,
                    "it must be " + MemoryBudget.SIZE_FORMS + ", at least 1m");
        }
        if (dataDirectory == null) {
            throw HelpfulSuggestions.memoryBudgetWithoutDataDir(text);
        }
        return budget;
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
