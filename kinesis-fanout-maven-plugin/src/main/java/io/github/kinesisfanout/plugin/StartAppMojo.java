package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the application from a starting position and waits until it is RUNNING. */
@Mojo(name = StartAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StartAppMojo extends AbstractStartingAppMojo {

    public static final String GOAL_NAME = "start-app";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        getLog().info(new AppLifecycle(apps()).start(applicationName(), startingPosition()));
    }
}
