package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Stops the running application and waits until it is READY. */
@Mojo(name = StopAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StopAppMojo extends AbstractAppMojo {

    public static final String GOAL_NAME = "stop-app";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        getLog().info(new AppLifecycle(apps()).stop(applicationName()));
    }
}
