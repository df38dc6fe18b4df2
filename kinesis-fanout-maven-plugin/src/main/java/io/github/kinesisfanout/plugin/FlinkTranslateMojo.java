package io.github.kinesisfanout.plugin;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Translates the application (create-app's SQL, input schema and outputs) to one Flink SQL script,
 * {@code target/kinesis-fanout/flink/application.sql}, and prints what each construct became.
 */
@Mojo(name = FlinkTranslateMojo.GOAL_NAME, defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true,
      requiresProject = false)
public class FlinkTranslateMojo extends AbstractFlinkMojo {

    public static final String GOAL_NAME = "flink-translate";

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        translate();
    }
}
