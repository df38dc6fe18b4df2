package io.github.kinesisfanout.local;

import java.nio.file.Path;

/** A Flink job in a forked JVM that failed or did not start; the message is its root cause and the log's path. */
public final class FlinkJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path logFile;

    /** A failure for {@code rootCause}, whose details are in {@code logFile}. */
    public FlinkJobException(String rootCause, Path logFile) {
        super(rootCause + " (log: " + logFile + ")");
        this.logFile = logFile;
    }

    /** The job's log file. */
    public Path logFile() {
        return logFile;
    }
}
