package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Deletes the application (passing the CreateTimestamp DescribeApplication shows) and waits until
 * it is gone; a missing application is reported, or fails the build with failIfMissing.
 */
@Mojo(name = DeleteAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class DeleteAppMojo extends AbstractAppMojo {

    public static final String GOAL_NAME = "delete-app";

    /** Fail the build when the application does not exist. */
    @Parameter(property = "fanout.failIfMissing", defaultValue = "false")
    protected boolean failIfMissing;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        if (flinkEngine()) {
            getLog().info(new ManagedFlinkLifecycle(managedFlinkApps()).delete(applicationName(), failIfMissing));
            return;
        }
        getLog().info(new AppLifecycle(apps()).delete(applicationName(), failIfMissing));
    }
}
