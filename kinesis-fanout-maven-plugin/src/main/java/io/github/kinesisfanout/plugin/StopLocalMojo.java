package io.github.kinesisfanout.plugin;

import java.net.URI;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the local cloud that start-local started earlier in this build. */
@Mojo(name = StopLocalMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StopLocalMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "stop-local";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        Optional<URI> stopped = LocalCloudSession.stop(session);
        if (stopped.isEmpty()) {
            getLog().info("No local cloud is running in this build: nothing to stop");
            return;
        }
        String url = stopped.get().toString();
        // Later goals must not keep talking to a closed port.
        if (url.equals(project.getProperties().getProperty(ENDPOINT_PROPERTY))) {
            project.getProperties().remove(ENDPOINT_PROPERTY);
        }
        getLog().info("Local cloud on " + url + " stopped");
    }
}
