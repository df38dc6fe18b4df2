package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.operations.FanoutException;
import java.util.List;

/** The fix-it messages of the Flink goals, in one place so they read alike. */
public final class FlinkMessages {

    private FlinkMessages() {
    }

    /** The SQL has a construct the translator refuses: one line per error, {@code line 3, column 12: message}. */
    static FanoutException notTranslated(String file, List<String> errors) {
        return new FanoutException("The application SQL " + file + " cannot be translated to Flink SQL:\n  "
                + String.join("\n  ", errors) + "\nConstructs with only an approximate Flink equivalent are translated"
                + " with <allowApproximations> (-Dfanout.flink.allowApproximations=true)");
    }

    /** The job failed or did not start: its one-line root cause and where the log is. */
    public static FanoutException jobFailed(String rootCauseAndLog) {
        return new FanoutException("The Flink job failed: " + rootCauseAndLog);
    }

    /** The job was not RUNNING in time. */
    static FanoutException notRunningInTime(long seconds, String log) {
        return new FanoutException("The Flink job was not RUNNING after " + seconds + " s (log: " + log + "): raise"
                + " <timeout> (-Dfanout.flink.timeout=SECONDS) if it is only slow, or give the forked JVM more"
                + " memory with <memory> (-Dfanout.flink.memory=1g)");
    }
}
