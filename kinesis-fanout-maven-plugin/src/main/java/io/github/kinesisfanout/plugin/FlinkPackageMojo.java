package io.github.kinesisfanout.plugin;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Writes the Flink application: {@code application.jar} (the job with the translated script inside),
 * {@code application.properties.json} (Managed Flink's EnvironmentProperties.PropertyGroups, filled from
 * this configuration) and the jar's SHA-256, under {@code target/kinesis-fanout/flink}.
 */
@Mojo(name = FlinkPackageMojo.GOAL_NAME, defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true,
      requiresProject = false)
public class FlinkPackageMojo extends AbstractFlinkMojo {

    public static final String GOAL_NAME = "flink-package";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        // Not started here: the starting position stays the connector's own default unless set.
        packageJob(null);
    }
}
