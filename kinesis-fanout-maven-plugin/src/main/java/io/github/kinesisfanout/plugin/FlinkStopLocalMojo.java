package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.flink.FlinkMessages;
import io.github.kinesisfanout.operations.flink.RunningJob;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the Flink job flink-start-local started earlier in this build. */
@Mojo(name = FlinkStopLocalMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class FlinkStopLocalMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "flink-stop-local";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        Optional<RunningJob> running = FlinkJobSession.running(session);
        // A job that failed during the build fails this goal with its root cause, after it is stopped.
        Optional<String> failure = running.flatMap(RunningJob::failure);
        Optional<RunningJob> stopped = FlinkJobSession.stop(session);
        if (failure.isPresent()) {
            throw FlinkMessages.jobFailed(failure.get() + " (log: " + stopped.get().logFile() + ")");
        }
        if (stopped.isEmpty()) {
            getLog().info("No Flink job is running in this build: nothing to stop");
            return;
        }
        getLog().info("Flink job " + stopped.get().jobId() + " stopped (log: " + stopped.get().logFile() + ")");
    }
}
