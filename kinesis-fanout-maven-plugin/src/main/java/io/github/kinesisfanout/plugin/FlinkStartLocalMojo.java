package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.flink.LocalJob;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Packages the Flink application and runs it on a Flink MiniCluster in a forked JVM against the
 * local cloud start-local started (or any endpoint), reading from TRIM_HORIZON unless set. Returns
 * once the job is RUNNING; the job runs for the rest of the build (flink-stop-local, or the build's end, stops it).
 */
@Mojo(name = FlinkStartLocalMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class FlinkStartLocalMojo extends AbstractLocalFlinkMojo {

    public static final String GOAL_NAME = "flink-start-local";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        FlinkJobSession.stop(session).ifPresent(previous ->
                getLog().info("Flink job " + previous.jobId() + " of this build stopped: starting the new one"));
        LocalJob job = startJob();
        FlinkJobSession.keep(session, job, getLog()::info);
        getLog().info("The Flink job runs for the rest of the build: kinesis-fanout:" + FlinkStopLocalMojo.GOAL_NAME
                + " (or the build's end) stops it");
    }
}
