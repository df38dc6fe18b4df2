package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the local cloud in the foreground until Ctrl-C, for tools outside the build (the AWS CLI,
 * an IDE, tests of another project).
 */
@Mojo(name = RunLocalMojo.GOAL_NAME, threadSafe = true, requiresProject = false)
public class RunLocalMojo extends AbstractLocalCloudMojo {

    public static final String GOAL_NAME = "run-local";

    /** The port to listen on; 4566 unless set (0 picks a free one). */
    @Parameter(property = "fanout.localPort", defaultValue = "4566")
    protected int port;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() throws MojoExecutionException {
        CountDownLatch stopped = new CountDownLatch(1);
        LocalCloud cloud = startCloud(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "kinesis-fanout-run-local-shutdown"));
        getLog().info("Local cloud running on " + cloud.endpoint() + " until Ctrl-C. Try:");
        getLog().info("  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \\");
        getLog().info("  aws --endpoint-url " + cloud.endpoint() + " kinesis list-streams");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cloud.close();
            throw new MojoExecutionException("run-local interrupted", e);
        }
    }
}
