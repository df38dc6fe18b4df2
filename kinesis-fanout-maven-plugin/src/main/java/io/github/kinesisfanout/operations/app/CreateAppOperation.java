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
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceDescription;

/**
 * create-app: validates the SQL locally, then creates the application, or brings an existing one
 * up to date (UpdateApplication with its current version id, outputs and the reference table added
 * and deleted), or with {@code replace} deletes and recreates it; waits until it has settled. A
 * reference table's file is uploaded first, when the object holds other bytes, and a deployed table
 * is then reloaded (UpdateApplication ReferenceDataSourceUpdates), since Kinesis Analytics reads the
 * object only at start and on such an update.
 */
public final class CreateAppOperation {

    private final AnalyticsApps apps;
    private final StreamArns streams;
    private final ReferenceObject referenceObject;

    /** @param streams resolves the outputs given by stream name to the ARNs an application output takes */
    public CreateAppOperation(AnalyticsApps apps, StreamArns streams) {
        this(apps, streams, null);
    }

    /**
     * @param streams resolves the outputs given by stream name to the ARNs an application output takes
     * @param referenceObject uploads and checks the reference table's S3 object; null when no request has a table
     */
    public CreateAppOperation(AnalyticsApps apps, StreamArns streams, ReferenceObject referenceObject) {
        this.apps = apps;
        this.streams = streams;
        this.referenceObject = referenceObject;
    }

    /** Checks the SQL, then returns what was done, one line. */
    public String run(CreateAppRequest request) {
        return run(request, SqlCheck.validate(request.code(), request.sqlFileName(), request.namePrefix(),
                request.schema(), request.parallelism(), request.reference()));
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
        boolean referenceChanged = false;
        if (request.reference() != null) {
            if (referenceObject == null) {
                throw new IllegalStateException("a request with a reference table needs a ReferenceObject");
            }
            referenceChanged = referenceObject.sync(request.reference());
        }
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
            ApplicationDetail created = addReference(name, definition, apps.awaitSettled(name), new ArrayList<>());
            String with = request.reference() == null ? "" : " with reference table " + request.reference().tableName()
                    + " (" + request.reference().location() + ")";
            return "Created application " + name + " (" + created.applicationARN() + ")" + with + ", "
                    + created.applicationStatusAsString();
        }
        return update(name, definition, apps.awaitSettled(name), referenceChanged);
    }

    private String update(String name, AppDefinition definition, ApplicationDetail deployed, boolean referenceChanged) {
        List<String> changes = new ArrayList<>();
        ApplicationUpdate update = definition.update(deployed, referenceChanged, changes);
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
        Optional<ReferenceDataSourceDescription> removedReference = definition.removedReference(deployed);
        if (removedReference.isPresent()) {
            long version = deployed.applicationVersionId();
            String referenceId = removedReference.get().referenceId();
            apps.call(() -> apps.client().deleteApplicationReferenceDataSource(r -> r.applicationName(name)
                    .currentApplicationVersionId(version).referenceId(referenceId)));
            changes.add("reference table " + removedReference.get().tableName() + " deleted");
            deployed = apps.awaitSettled(name);
        }
        deployed = addReference(name, definition, deployed, changes);
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
        return summary(name, deployed, changes);
    }

    /** AddApplicationReferenceDataSource when the build declares a table the application does not have. */
    private ApplicationDetail addReference(String name, AppDefinition definition, ApplicationDetail deployed,
            List<String> changes) {
        Optional<ReferenceSource> added = definition.addedReference(deployed);
        if (added.isEmpty()) {
            return deployed;
        }
        long version = deployed.applicationVersionId();
        apps.call(() -> apps.client().addApplicationReferenceDataSource(r -> r.applicationName(name)
                .currentApplicationVersionId(version).referenceDataSource(added.get().toSdk())));
        changes.add("reference table " + added.get().tableName() + " added");
        return apps.awaitSettled(name);
    }

    private static String summary(String name, ApplicationDetail deployed, List<String> changes) {
        if (changes.isEmpty()) {
            return "Application " + name + " is up to date (version " + deployed.applicationVersionId() + ", "
                    + deployed.applicationStatusAsString() + ")";
        }
        return "Updated application " + name + " to version " + deployed.applicationVersionId() + ": "
                + String.join(", ", changes) + " (" + deployed.applicationStatusAsString() + ")";
    }
}
