package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the application when it is READY, stops it when it is RUNNING (waiting out a transient status first), and says which it did. */
@Mojo(name = ToggleAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class ToggleAppMojo extends AbstractStartingAppMojo {

    public static final String GOAL_NAME = "toggle-app";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        getLog().info(new AppLifecycle(apps()).toggle(applicationName(), startingPosition()));
    }
}
