package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.Function;

/**
 * StartApplication (READY -> STARTING -> RUNNING, or back to READY with the cause) and
 * StopApplication (RUNNING -> STOPPING -> READY with a snapshot when snapshots are on; with Force,
 * from any running or transient status through FORCE_STOPPING, without one).
 */
final class RunOperations {

    private final Function<RequestContext, ApplicationStore> stores;
    private final JobControl jobs;
    private final Clock clock;

    RunOperations(Function<RequestContext, ApplicationStore> stores, JobControl jobs, Clock clock) {
        this.stores = stores;
        this.jobs = jobs;
        this.clock = clock;
    }

    JsonNode start(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        ObjectNode runConfiguration = MEMBERS.optionalObject(input, "RunConfiguration", "runConfiguration");
        ObjectNode run = runConfiguration == null ? null : RunConfigurations.parse(runConfiguration, "runConfiguration");
        String runtime;
        synchronized (app) {
            runtime = app.runtime;
        }
        jobs.runner().checkRuntime(runtime);
        OperationHistory.Operation op;
        synchronized (app) {
            if (!FlinkApplication.READY.equals(app.status)) {
                throw FlinkErrors.wrongStatus(app, "StartApplication");
            }
            ObjectNode effective = run != null ? run : app.runConfiguration != null ? app.runConfiguration
                    : RunConfigurations.defaults();
            String savepoint = savepoint(app, effective.path("ApplicationRestoreConfigurationDescription"));
            app.runConfiguration = effective;
            app.status = FlinkApplication.STARTING;
            app.runNumber++;
            op = app.operations.begin("StartApplication", clock.instant(), null, null);
            jobs.start(app, LaunchPlan.of(app, savepoint, effective.path("FlinkRunConfigurationDescription")
                    .path("AllowNonRestoredState").asBoolean(false)), op);
        }
        return JsonNodeFactory.instance.objectNode().put("OperationId", op.id);
    }

    /** The savepoint a start resumes from: none, the newest READY snapshot's, or the named snapshot's. */
    static String savepoint(FlinkApplication app, JsonNode restore) {
        String type = restore.path("ApplicationRestoreType").asText(RunConfigurations.LATEST);
        if (type.equals(RunConfigurations.SKIP)) {
            return null;
        }
        if (type.equals(RunConfigurations.LATEST)) {
            return latestSavepoint(app);
        }
        String name = restore.path("SnapshotName").asText();
        Snapshot snapshot = app.snapshots.get(name);
        if (snapshot == null) {
            throw FlinkErrors.notFound("Snapshot", name, app.name);
        }
        if (!Snapshot.READY.equals(snapshot.status)) {
            throw FlinkErrors.INVALID_APPLICATION_CONFIGURATION.error(
                    "Snapshot " + name + " of application " + app.name + " is "
                    + snapshot.status + (snapshot.failure == null ? "" : " (" + snapshot.failure + ")")
                    + "; only a READY snapshot can be restored.");
        }
        return snapshot.savepointPath;
    }

    /** The savepoint of the newest READY snapshot, or null when there is none. */
    static String latestSavepoint(FlinkApplication app) {
        return app.snapshots.values().stream().filter(s -> Snapshot.READY.equals(s.status))
                .max(Comparator.comparing((Snapshot s) -> s.created)).map(s -> s.savepointPath).orElse(null);
    }

    JsonNode stop(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        Boolean force = MEMBERS.optionalBoolean(input, "Force", "force");
        OperationHistory.Operation op;
        synchronized (app) {
            boolean forced = force != null && force;
            if (forced ? FlinkApplication.READY.equals(app.status) || FlinkApplication.DELETING.equals(app.status)
                    || FlinkApplication.FORCE_STOPPING.equals(app.status)
                    : !FlinkApplication.RUNNING.equals(app.status)) {
                throw FlinkErrors.wrongStatus(app, "StopApplication" + (forced ? " with Force" : ""));
            }
            boolean snapshot = !forced && FlinkViews.snapshotsEnabled(app.configuration);
            app.status = forced ? FlinkApplication.FORCE_STOPPING : FlinkApplication.STOPPING;
            FlinkJob job = app.job;
            app.job = null;
            op = app.operations.begin("StopApplication", clock.instant(), null, null);
            jobs.stop(app, job, snapshot, op);
        }
        return JsonNodeFactory.instance.objectNode().put("OperationId", op.id);
    }

    private FlinkApplication application(ObjectNode input, RequestContext context) {
        return stores.apply(context).get(MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME));
    }
}
