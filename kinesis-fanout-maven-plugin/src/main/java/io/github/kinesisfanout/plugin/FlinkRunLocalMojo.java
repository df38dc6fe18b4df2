package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.flink.FlinkMessages;
import io.github.kinesisfanout.operations.flink.LocalJob;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Packages the Flink application and runs it on a Flink MiniCluster in a forked JVM in the
 * foreground until Ctrl-C, against the local cloud (run-local in another terminal) or any endpoint.
 */
@Mojo(name = FlinkRunLocalMojo.GOAL_NAME, threadSafe = true, requiresProject = false)
public class FlinkRunLocalMojo extends AbstractLocalFlinkMojo {

    public static final String GOAL_NAME = "flink-run-local";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() throws MojoExecutionException {
        LocalJob job = startJob();
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            job.stop();
            interrupted.countDown();
        }, "kinesis-fanout-flink-run-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        getLog().info("Flink job " + job.jobId() + " running until Ctrl-C (log: " + job.logFile() + ")");
        try {
            // Wakes up to notice a job that ends by itself; the shutdown hook ends the wait on Ctrl-C.
            while (!interrupted.await(500, TimeUnit.MILLISECONDS)) {
                if (!job.isAlive()) {
                    Runtime.getRuntime().removeShutdownHook(hook);
                    ended(job);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            job.stop();
            throw new MojoExecutionException(GOAL_NAME + " interrupted", e);
        }
    }

    private void ended(LocalJob job) {
        if (job.failure().isPresent()) {
            throw FlinkMessages.jobFailed(job.failure().get() + " (log: " + job.logFile() + ")");
        }
        if (job.isFinished()) {
            getLog().info("Flink job " + job.jobId() + " finished (log: " + job.logFile() + ")");
            return;
        }
        throw new FanoutException("The Flink job's JVM ended without a status line (log: " + job.logFile() + ")");
    }
}
