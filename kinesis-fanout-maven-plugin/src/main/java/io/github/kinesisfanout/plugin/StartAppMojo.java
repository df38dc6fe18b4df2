package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/** Starts the application (engine=sql: from a starting position; engine=flink: restoring a snapshot) and waits until it is RUNNING. */
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
        if (flinkEngine()) {
            getLog().info(new ManagedFlinkLifecycle(managedFlinkApps()).start(applicationName(), restoreType(), snapshotName, allowNonRestoredState));
            return;
        }
        getLog().info(new AppLifecycle(apps()).start(applicationName(), startingPosition()));
    }
}
