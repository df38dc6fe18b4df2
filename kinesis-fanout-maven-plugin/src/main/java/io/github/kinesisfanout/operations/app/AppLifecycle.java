package io.github.kinesisfanout.operations.app;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ResourceNotFoundException;

/**
 * start-app, stop-app, toggle-app and delete-app: each waits out a transient status first, makes
 * its call, waits for the status it leads to, and says what it did.
 */
public final class AppLifecycle {

    private final AnalyticsApps apps;

    public AppLifecycle(AnalyticsApps apps) {
        this.apps = apps;
    }

    /** Starts a READY application from NOW, TRIM_HORIZON or LAST_STOPPED_POINT and waits for RUNNING. */
    public String start(String name, String startingPosition) {
        ApplicationDetail app = apps.awaitSettled(name);
        if ("RUNNING".equals(app.applicationStatusAsString())) {
            return "Application " + name + " is already RUNNING: nothing to do";
        }
        if (!app.hasInputDescriptions() || app.inputDescriptions().isEmpty()) {
            throw AnalyticsApps.fail("Application " + name + " has no input to start from: run create-app with an input"
                    + " stream (-Dfanout.inputStreamArn=ARN)");
        }
        String inputId = app.inputDescriptions().get(0).inputId();
        apps.call(() -> apps.client().startApplication(r -> r.applicationName(name).inputConfigurations(c -> c
                .id(inputId).inputStartingPositionConfiguration(p -> p.inputStartingPosition(startingPosition)))));
        apps.awaitStatus(name, Set.of("RUNNING"));
        return "Started application " + name + " from " + startingPosition + ": RUNNING";
    }

    /** Stops a RUNNING application and waits for READY. */
    public String stop(String name) {
        ApplicationDetail app = apps.awaitSettled(name);
        if ("READY".equals(app.applicationStatusAsString())) {
            return "Application " + name + " is already stopped (READY): nothing to do";
        }
        apps.call(() -> apps.client().stopApplication(r -> r.applicationName(name)));
        apps.awaitStatus(name, Set.of("READY"));
        return "Stopped application " + name + ": READY";
    }

    /** RUNNING: stops it; READY: starts it. */
    public String toggle(String name, String startingPosition) {
        ApplicationDetail app = apps.awaitSettled(name);
        return "RUNNING".equals(app.applicationStatusAsString()) ? stop(name) : start(name, startingPosition);
    }

    /**
     * Deletes the application (its CreateTimestamp read from DescribeApplication) and waits until it
     * is gone; a missing application is a line of output, or a failure with {@code failIfMissing}.
     */
    public String delete(String name, boolean failIfMissing) {
        Optional<ApplicationDetail> found = apps.find(name);
        if (found.isEmpty()) {
            if (failIfMissing) {
                throw AppMessages.applicationNotFound(name);
            }
            return "Application " + name + " does not exist: nothing to delete";
        }
        ApplicationDetail app = apps.awaitSettled(name);
        try {
            apps.call(() -> apps.client().deleteApplication(r -> r.applicationName(name)
                    .createTimestamp(app.createTimestamp())));
        } catch (ResourceNotFoundException e) {
            return "Application " + name + " does not exist: nothing to delete";
        }
        apps.awaitGone(name);
        return "Deleted application " + name;
    }
}
