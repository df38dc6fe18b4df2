package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AppLifecycle;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Stops the running application (engine=flink: with a snapshot unless fanout.force) and waits until it is READY. */
@Mojo(name = StopAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StopAppMojo extends AbstractAppMojo {

    public static final String GOAL_NAME = "stop-app";

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
            getLog().info(new ManagedFlinkLifecycle(managedFlinkApps()).stop(applicationName(), force));
            return;
        }
        getLog().info(new AppLifecycle(apps()).stop(applicationName()));
    }
}
