package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.app.AppLifecycle;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Starts the application from a starting position and waits until it is RUNNING. */
@Mojo(name = StartAppMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class StartAppMojo extends AbstractAppMojo {

    public static final String GOAL_NAME = "start-app";

    /** Where reading starts: NOW, TRIM_HORIZON or LAST_STOPPED_POINT. */
    @Parameter(property = "fanout.startingPosition", defaultValue = "NOW")
    protected String startingPosition;

    private String startingPosition() {
        String position = startingPosition.trim().toUpperCase(java.util.Locale.ROOT);
        if (!position.matches("NOW|TRIM_HORIZON|LAST_STOPPED_POINT")) {
            throw HelpfulSuggestions.invalidParameter("startingPosition", "fanout.startingPosition", startingPosition,
                    "it must be NOW, TRIM_HORIZON or LAST_STOPPED_POINT");
        }
        return position;
    }

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        getLog().info(new AppLifecycle(apps()).start(applicationName(), startingPosition()));
    }
}
