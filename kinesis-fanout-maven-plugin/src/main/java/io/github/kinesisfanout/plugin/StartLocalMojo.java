package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.local.LocalCloudLauncher;
import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the embedded local cloud in the Maven JVM for the rest of the build; later goals of the
 * same build use it, and its endpoint is set as the project property {@code fanout.endpoint}.
 */
@Mojo(name = StartLocalMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StartLocalMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "start-local";

    /** The port to listen on; 0 picks a free one (the endpoint is logged and set as fanout.endpoint). */
    @Parameter(property = "fanout.localPort", defaultValue = "0")
    protected int port;

    /** The address to listen on; 127.0.0.1 keeps it to this machine. */
    @Parameter(property = "fanout.localHost", defaultValue = "127.0.0.1")
    protected String host;

    /**
     * A directory where the local cloud keeps its state across restarts and even a kill (which
     * services: the local cloud's README, "Data directory"); created when missing, used by one cloud
     * at a time. Unset, everything stays in memory.
     */
    @Parameter(property = "fanout.localDataDir")
    protected File dataDir;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        LocalCloudSession.Started started = LocalCloudSession.startIfAbsent(session,
                () -> new LocalCloudLauncher(listener()).start(host, port, region,
                        dataDir == null ? null : dataDir.toPath()), getLog()::info);
        LocalCloud cloud = started.cloud();
        if (!started.isNew()) {
            getLog().info("Local cloud already running on " + cloud.endpoint() + ": reusing it");
        }
        String url = cloud.endpoint().toString();
        project.getProperties().setProperty(ENDPOINT_PROPERTY, url);
        getLog().info("Later goals of this build use " + url + " (project property " + ENDPOINT_PROPERTY + ")");
    }
}
