package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** CreateApplicationSnapshot, ListApplicationSnapshots, DescribeApplicationSnapshot and DeleteApplicationSnapshot. */
final class SnapshotOperations {

    /** Snapshots kept per application, as on AWS. */
    static final int LIMIT = 1000;

    private final Function<RequestContext, ApplicationStore> stores;
    private final JobControl jobs;
    private final Clock clock;

    SnapshotOperations(Function<RequestContext, ApplicationStore> stores, JobControl jobs, Clock clock) {
        this.stores = stores;
        this.jobs = jobs;
        this.clock = clock;
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        String name = snapshotName(input);
        synchronized (app) {
            if (!FlinkViews.snapshotsEnabled(app.configuration)) {
                throw FlinkErrors.INVALID_APPLICATION_CONFIGURATION.error(
                        "Snapshots are not enabled for application " + app.name
                        + "; set ApplicationSnapshotConfiguration.SnapshotsEnabled to true.");
            }
            if (!FlinkApplication.RUNNING.equals(app.status) || app.job == null) {
                throw FlinkErrors.wrongStatus(app, "CreateApplicationSnapshot");
            }
            if (app.snapshots.containsKey(name)) {
                throw FlinkErrors.RESOURCE_IN_USE.error(
                        "Snapshot " + name + " already exists for application " + app.name + ".");
            }
            if (app.snapshots.size() >= LIMIT) {
                throw FlinkErrors.LIMIT_EXCEEDED.error(
                        "Application " + app.name + " has " + LIMIT + " snapshots, the maximum.");
            }
            Snapshot snapshot = new Snapshot(name, app.versionId, app.runtime, clock.instant());
            app.snapshots.put(name, snapshot);
            jobs.snapshot(app, app.job, snapshot);
        }
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        List<ObjectNode> snapshots = new ArrayList<>();
        synchronized (app) {
            app.snapshots.values().stream().sorted(Comparator.comparing((Snapshot s) -> s.created).reversed())
                    .forEach(s -> snapshots.add(FlinkViews.snapshot(s)));
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        Pages.page(input, output, "SnapshotSummaries", snapshots, 50, s -> s);
        return output;
    }

    JsonNode describe(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        String name = snapshotName(input);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            output.set("SnapshotDetails", FlinkViews.snapshot(snapshot(app, name)));
        }
        return output;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        String name = snapshotName(input);
        JsonNode timestamp = input.get("SnapshotCreationTimestamp");
        if (timestamp == null || timestamp.isNull()) {
            throw MEMBERS.violation("null", "snapshotCreationTimestamp", "Member must not be null");
        }
        String path;
        synchronized (app) {
            Snapshot snapshot = snapshot(app, name);
            if (Snapshot.CREATING.equals(snapshot.status)) {
                throw FlinkErrors.RESOURCE_IN_USE.error(
                        "Snapshot " + name + " of application " + app.name + " is being created.");
            }
            if (!matches(timestamp, snapshot)) {
                throw FlinkErrors.INVALID_ARGUMENT.error("SnapshotCreationTimestamp " + timestamp.asText()
                        + " does not match the creation time of snapshot " + name + " ("
                        + OperationHistory.seconds(snapshot.created).toPlainString() + ").");
            }
            app.snapshots.remove(name);
            path = snapshot.savepointPath;
        }
        if (path != null) {
            jobs.later(() -> WorkDirectory.deleteTree(Path.of(path)));
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static boolean matches(JsonNode sent, Snapshot snapshot) {
        return LifecycleOperations.matchesCreation(sent, snapshot.created);
    }

    private static Snapshot snapshot(FlinkApplication app, String name) {
        Snapshot snapshot = app.snapshots.get(name);
        if (snapshot == null) {
            throw FlinkErrors.notFound("Snapshot", name, app.name);
        }
        return snapshot;
    }

    private static String snapshotName(ObjectNode input) {
        return MEMBERS.required(input, "SnapshotName", "snapshotName", 1, 256, RunConfigurations.SNAPSHOT_NAME);
    }

    private FlinkApplication application(ObjectNode input, RequestContext context) {
        return stores.apply(context).get(MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME));
    }
}
