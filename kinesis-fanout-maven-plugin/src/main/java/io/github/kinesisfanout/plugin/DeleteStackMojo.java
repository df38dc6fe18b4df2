package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.stack.DeleteStackOperation;
import java.time.Duration;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Deletes a CloudFormation stack and waits until it is gone; a stack that does not exist is success. */
@Mojo(name = DeleteStackMojo.GOAL_NAME, defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true,
      requiresProject = false)
public class DeleteStackMojo extends AbstractFanoutMojo {

    public static final String GOAL_NAME = "delete-stack";

    /** The stack's name. */
    @Parameter(property = "fanout.stackName", defaultValue = "${project.artifactId}")
    protected String stackName;

    @Override
    protected String goalName() {
        return GOAL_NAME;
    }

    @Override
    protected void run() {
        new DeleteStackOperation(clients(), listener())
                .run(require(stackName, "stackName", "NAME"), waitTimeoutDuration(), Duration.ofMillis(100));
    }
}
