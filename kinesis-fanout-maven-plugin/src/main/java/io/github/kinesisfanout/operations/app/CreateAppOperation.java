package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.ApplicationOutput;
import io.github.kinesisfanout.operations.StreamArns;
import io.github.kinesisfanout.sql.CompiledApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationUpdate;
import software.amazon.awssdk.services.kinesisanalytics.model.OutputDescription;

/**
 * create-app: validates the SQL locally, then creates the application, or brings an existing one
 * up to date (UpdateApplication with its current version id, outputs added and deleted), or with
 * {@code replace} deletes and recreates it; waits until it has settled.
 */
public final class CreateAppOperation {

    private final AnalyticsApps apps;
    private final StreamArns streams;

    /** @param streams resolves the outputs given by stream name to the ARNs an application output takes */
    public CreateAppOperation(AnalyticsApps apps, StreamArns streams) {
        this.apps = apps;
        this.streams = streams;
    }

    /** Checks the SQL, then returns what was done, one line. */
    public String run(CreateAppRequest request) {
        return run(request, SqlCheck.validate(request.code(), request.sqlFileName(), request.namePrefix(),
                request.schema()));
    }

    /**
     * Returns what was done, one line, for a request whose SQL is already compiled.
     *
     * @param compiled the request's SQL as {@link SqlCheck#validate} compiled it, so it is compiled once per run
     */
    public String run(CreateAppRequest request, CompiledApplication compiled) {
        if (compiled == null) {
            throw new IllegalArgumentException("compiled is null: check the SQL with SqlCheck.validate first");
        }
        String name = request.applicationName();
        AppDefinition definition = new AppDefinition(request.withOutputs(request.outputs().stream()
                .map(output -> output.withStream(streams.arn(output.stream()))).toList()));
        Optional<ApplicationDetail> existing = apps.find(name);
        if (existing.isPresent() && request.replace()) {
            apps.listener().info("Replacing application " + name + " (fanout.replace=true)");
            new AppLifecycle(apps).delete(name, true);
            existing = Optional.empty();
        }
        if (existing.isEmpty()) {
            apps.listener().info("Creating application " + name);
            apps.call(() -> apps.client().createApplication(r -> r.applicationName(name)
                    .applicationDescription(request.description()).applicationCode(request.code())
                    .inputs(definition.input()).outputs(definition.outputs())));
            ApplicationDetail created = apps.awaitSettled(name);
            return "Created application " + name + " (" + created.applicationARN() + "), "
                    + created.applicationStatusAsString();
        }
        return update(name, definition, apps.awaitSettled(name));
    }

    private String update(String name, AppDefinition definition, ApplicationDetail deployed) {
        List<String> changes = new ArrayList<>();
        ApplicationUpdate update = definition.update(deployed, changes);
        if (update != null) {
            long version = deployed.applicationVersionId();
            apps.call(() -> apps.client().updateApplication(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).applicationUpdate(update)));
            deployed = apps.awaitSettled(name);
        }
        if (!definition.hasInput(deployed)) {
            long version = deployed.applicationVersionId();
            apps.call(() -> apps.client().addApplicationInput(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).input(definition.input())));
            changes.add("input added");
            deployed = apps.awaitSettled(name);
        }
        for (OutputDescription removed : definition.removedOutputs(deployed)) {
            long version = deployed.applicationVersionId();
            apps.call(() -> apps.client().deleteApplicationOutput(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).outputId(removed.outputId())));
            changes.add("output " + removed.name() + " deleted");
            deployed = apps.awaitSettled(name);
        }
        for (ApplicationOutput added : definition.addedOutputs(deployed)) {
            long version = deployed.applicationVersionId();
            apps.call(() -> apps.client().addApplicationOutput(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).output(definition.output(added))));
            changes.add("output " + added.name() + " added");
            deployed = apps.awaitSettled(name);
        }
        if (changes.isEmpty()) {
            return "Application " + name + " is up to date (version " + deployed.applicationVersionId() + ", "
                    + deployed.applicationStatusAsString() + ")";
        }
        return "Updated application " + name + " to version " + deployed.applicationVersionId() + ": "
                + String.join(", ", changes) + " (" + deployed.applicationStatusAsString() + ")";
    }
}
