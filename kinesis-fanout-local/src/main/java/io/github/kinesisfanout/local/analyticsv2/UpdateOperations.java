package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * UpdateApplication and the CloudWatch logging option operations: each checks the caller's version
 * (CurrentApplicationVersionId or ConditionalToken) and commits a new one. Updating a RUNNING
 * application restarts its job (UPDATING -> RUNNING), from a snapshot when snapshots are on.
 */
final class UpdateOperations {

    private final Function<RequestContext, ApplicationStore> stores;
    private final JobControl jobs;
    private final Clock clock;

    UpdateOperations(Function<RequestContext, ApplicationStore> stores, JobControl jobs, Clock clock) {
        this.stores = stores;
        this.jobs = jobs;
        this.clock = clock;
    }

    JsonNode update(ObjectNode input, RequestContext context) {
        ObjectNode configurationUpdate = MEMBERS.optionalObject(input, "ApplicationConfigurationUpdate",
                "applicationConfigurationUpdate");
        String role = MEMBERS.optional(input, "ServiceExecutionRoleUpdate", "serviceExecutionRoleUpdate", 1, 2048, Members.ARN);
        String runtime = Runtimes.read(input, "RuntimeEnvironmentUpdate", "runtimeEnvironmentUpdate", false);
        ObjectNode runUpdate = MEMBERS.optionalObject(input, "RunConfigurationUpdate", "runConfigurationUpdate");
        ObjectNode run = runUpdate == null ? null : RunConfigurations.parse(runUpdate, "runConfigurationUpdate");
        var loggingUpdates = MEMBERS.list(input, "CloudWatchLoggingOptionUpdates", "cloudWatchLoggingOptionUpdates", 0, 1);
        if (configurationUpdate == null && role == null && runtime == null && runUpdate == null && loggingUpdates.isEmpty()) {
            throw FlinkErrors.INVALID_ARGUMENT.error(
                    "UpdateApplication needs at least one of ApplicationConfigurationUpdate,"
                    + " ServiceExecutionRoleUpdate, RunConfigurationUpdate, CloudWatchLoggingOptionUpdates or"
                    + " RuntimeEnvironmentUpdate.");
        }
        if (runtime != null) {
            jobs.runner().checkRuntime(runtime);
        }
        return change(input, context, "UpdateApplication", app -> {
            if (configurationUpdate != null) {
                ObjectNode merged = ConfigurationUpdates.merge(app.configuration, configurationUpdate);
                ConfigurationParser.validate(merged, "applicationConfigurationUpdate");
                app.configuration = merged;
            }
            for (JsonNode update : loggingUpdates) {
                String id = MEMBERS.required(update, "CloudWatchLoggingOptionId",
                        "cloudWatchLoggingOptionUpdates.1.member.cloudWatchLoggingOptionId", 1, 50, Members.NAME);
                ObjectNode option = app.loggingOptions.stream()
                        .filter(o -> o.path("CloudWatchLoggingOptionId").asText().equals(id)).findFirst()
                        .orElseThrow(() -> FlinkErrors.notFound("CloudWatch logging option", id, app.name));
                String arn = MEMBERS.optional(update, "LogStreamARNUpdate",
                        "cloudWatchLoggingOptionUpdates.1.member.logStreamARNUpdate", 1, 2048, Members.ARN);
                if (arn != null) {
                    LoggingOptions.check(arn);
                    option.put("LogStreamARN", arn);
                }
            }
            if (role != null) {
                app.serviceExecutionRole = role;
            }
            if (runtime != null) {
                app.runtime = runtime;
            }
            if (run != null) {
                app.runConfiguration = run;
            }
        }, true);
    }

    JsonNode addLogging(ObjectNode input, RequestContext context) {
        ObjectNode option = MEMBERS.object(input, "CloudWatchLoggingOption", "cloudWatchLoggingOption");
        return change(input, context, "AddApplicationCloudWatchLoggingOption", app -> {
            String arn = option.path("LogStreamARN").asText();
            if (app.loggingOptions.stream().anyMatch(o -> o.path("LogStreamARN").asText().equals(arn))) {
                throw FlinkErrors.INVALID_ARGUMENT.error(
                        "Application " + app.name + " already has a CloudWatch logging option"
                        + " for " + arn + ".");
            }
            if (!app.loggingOptions.isEmpty()) {
                throw FlinkErrors.INVALID_ARGUMENT.error(
                        "Application " + app.name + " already has a CloudWatch logging option;"
                        + " a Flink application has at most one.");
            }
            int next = app.loggingOptions.stream().mapToInt(o -> o.path("CloudWatchLoggingOptionId").asInt(0)).max().orElse(0) + 1;
            app.loggingOptions.add(LoggingOptions.parse(option, String.valueOf(next), "cloudWatchLoggingOption"));
        }, false);
    }

    JsonNode deleteLogging(ObjectNode input, RequestContext context) {
        String id = MEMBERS.required(input, "CloudWatchLoggingOptionId", "cloudWatchLoggingOptionId", 1, 50, Members.NAME);
        return change(input, context, "DeleteApplicationCloudWatchLoggingOption", app -> {
            if (!app.loggingOptions.removeIf(o -> o.path("CloudWatchLoggingOptionId").asText().equals(id))) {
                throw FlinkErrors.notFound("CloudWatch logging option", id, app.name);
            }
        }, false);
    }

    /**
     * The common path of every change: version check, the change on a copy (so a failed validation
     * leaves the application as it was), commit, and a restart when the job's configuration changed.
     */
    private JsonNode change(ObjectNode input, RequestContext context, String operation, Consumer<FlinkApplication> change,
            boolean restarts) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        Long version = MEMBERS.optionalNumber(input, "CurrentApplicationVersionId", "currentApplicationVersionId", 1, 999_999_999L);
        String token = MEMBERS.optional(input, "ConditionalToken", "conditionalToken", 1, 512, null);
        FlinkApplication app = stores.apply(context).get(name);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            app.checkSettled(operation);
            app.checkVersion(version, token);
            Snapshotted before = Snapshotted.of(app);
            try {
                change.accept(app);
            } catch (RuntimeException e) {
                before.restore(app);
                throw e;
            }
            long from = app.versionId;
            app.commit(clock.instant());
            OperationHistory.Operation op = app.operations.begin(operation, clock.instant(), from, app.versionId);
            if (restarts && FlinkApplication.RUNNING.equals(app.status)) {
                app.status = FlinkApplication.UPDATING;
                FlinkJob old = app.job;
                jobs.restart(app, old, FlinkViews.snapshotsEnabled(app.configuration),
                        app.runConfiguration != null && app.runConfiguration.path("FlinkRunConfigurationDescription")
                                .path("AllowNonRestoredState").asBoolean(false), op);
            } else {
                OperationHistory.succeed(op, clock.instant());
            }
            if (operation.equals("UpdateApplication")) {
                output.set("ApplicationDetail", FlinkViews.detail(app));
            } else {
                output.put("ApplicationARN", app.arn);
                output.put("ApplicationVersionId", app.versionId);
                app.loggingOptions.forEach(output.putArray("CloudWatchLoggingOptionDescriptions")::add);
            }
            output.put("OperationId", op.id);
        }
        return output;
    }

    /** The members a change may touch, to undo a change that failed half-way. */
    private record Snapshotted(ObjectNode configuration, java.util.List<ObjectNode> logging, String role, String runtime,
            ObjectNode run) {
        static Snapshotted of(FlinkApplication app) {
            return new Snapshotted(app.configuration, app.loggingOptions.stream().map(ObjectNode::deepCopy).toList(),
                    app.serviceExecutionRole, app.runtime, app.runConfiguration);
        }

        void restore(FlinkApplication app) {
            app.configuration = configuration;
            app.loggingOptions.clear();
            app.loggingOptions.addAll(logging);
            app.serviceExecutionRole = role;
            app.runtime = runtime;
            app.runConfiguration = run;
        }
    }
}
