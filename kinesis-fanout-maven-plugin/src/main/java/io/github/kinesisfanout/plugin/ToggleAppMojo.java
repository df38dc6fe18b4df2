package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Starts the application when it is READY, stops it when it is RUNNING (waiting out a transient status first), and says which it did. */
@Mojo(name = ToggleAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class ToggleAppMojo extends AbstractStartingAppMojo {

    public static final String GOAL_NAME = "toggle-app";

    /** engine=flink: stop without a snapshot (FORCE_STOPPING), e.g. when the job cannot take one. */
    @Parameter(property = "fanout.force", defaultValue = "false")
    protected boolean force;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        if (flinkEngine()) {
            getLog().info(new ManagedFlinkLifecycle(managedFlinkApps()).toggle(applicationName(), restoreType(), snapshotName,
                    allowNonRestoredState, force));
            return;
        }
        getLog().info(new AppLifecycle(apps()).toggle(applicationName(), startingPosition()));
    }
}
