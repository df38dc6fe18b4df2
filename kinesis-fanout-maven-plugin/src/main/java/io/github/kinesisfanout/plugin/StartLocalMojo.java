package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the embedded local cloud in the Maven JVM for the rest of the build; later goals of the
 * same build use it, and its endpoint is set as the project property {@code fanout.endpoint}.
 */
@Mojo(name = StartLocalMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StartLocalMojo extends AbstractLocalCloudMojo {

    public static final String GOAL_NAME = "start-local";

    /** The port to listen on; 0 picks a free one (the endpoint is logged and set as fanout.endpoint). */
    @Parameter(property = "fanout.localPort", defaultValue = "0")
    protected int port;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        LocalCloudSession.Started started = LocalCloudSession.startIfAbsent(session,
                () -> startCloud(port), getLog()::info);
        LocalCloud cloud = started.cloud();
        if (!started.isNew()) {
            getLog().info("Local cloud already running on " + cloud.endpoint() + ": reusing it");
        }
        String url = cloud.endpoint().toString();
        project.getProperties().setProperty(ENDPOINT_PROPERTY, url);
        getLog().info("Later goals of this build use " + url + " (project property " + ENDPOINT_PROPERTY + ")");
    }
}
