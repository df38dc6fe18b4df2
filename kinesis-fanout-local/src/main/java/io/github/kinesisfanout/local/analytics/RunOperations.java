package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * StartApplication (READY only, through STARTING to RUNNING) and StopApplication (RUNNING only,
 * through STOPPING to READY). Stop on a READY application is ResourceInUseException, following
 * the documented "only if running" rule.
 */
final class RunOperations {

    private static final Pattern POSITION = Pattern.compile("NOW|TRIM_HORIZON|LAST_STOPPED_POINT");

    private final Function<RequestContext, ApplicationRegistry> registries;
    private final StatusTransitions transitions;
    private final RunnerLauncher launcher;

    RunOperations(Function<RequestContext, ApplicationRegistry> registries, StatusTransitions transitions,
            StreamAccess streams, LambdaInvoker lambda, ObjectReader objects, DeliveryStreamLink firehose,
            java.time.Clock clock) {
        this.registries = registries;
        this.transitions = transitions;
        this.launcher = new RunnerLauncher(streams, lambda, objects, firehose, clock);
    }

    JsonNode start(ObjectNode input, RequestContext context) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        var configurations = MEMBERS.list(input, "InputConfigurations", "inputConfigurations", 1, Integer.MAX_VALUE);
        if (!input.has("InputConfigurations")) {
            throw MEMBERS.violation("null", "inputConfigurations", "Member must not be null");
        }
        Application app = registries.apply(context).get(name);
        String position = null;
        ApplicationConfig config;
        synchronized (app) {
            if (!Application.READY.equals(app.status)) {
                throw AnalyticsErrors.wrongStatus(app.name, app.status, "StartApplication");
            }
            config = app.config;
            for (JsonNode configuration : configurations) {
                String id = MEMBERS.required(configuration, "Id", "inputConfigurations.member.id", 1, 50, Members.NAME);
                if (config.inputs().stream().noneMatch(i -> i.id().equals(id))) {
                    throw AnalyticsErrors.INVALID_ARGUMENT.error(
                            "Input " + id + " does not exist in application " + app.name + ".");
                }
                ObjectNode starting = MEMBERS.object(configuration, "InputStartingPositionConfiguration",
                        "inputConfigurations.member.inputStartingPositionConfiguration");
                position = MEMBERS.optional(starting, "InputStartingPosition",
                        "inputConfigurations.member.inputStartingPositionConfiguration.inputStartingPosition", 1, 18, POSITION);
            }
            String used = position == null ? "NOW" : position;
            if ("TRIM_HORIZON".equals(used) && !config.inputs().isEmpty() && config.inputs().get(0).fromFirehose()) {
                // AWS: TRIM_HORIZON "is not available for an Amazon Kinesis Firehose delivery stream".
                throw AnalyticsErrors.INVALID_ARGUMENT.error(
                        "InputStartingPosition TRIM_HORIZON is not available for input "
                        + config.inputs().get(0).id() + ", which reads a Firehose delivery stream: use NOW or"
                        + " LAST_STOPPED_POINT.");
            }
            launcher.check(app, config);
            config = config.withInputs(list -> {
                list.replaceAll(i -> i.withStartingPosition(used));
                return list;
            });
            app.config = config;
            app.status = Application.STARTING;
        }
        ApplicationConfig started = config;
        String used = position == null ? "NOW" : position;
        transitions.run(app, () -> {
            launcher.launch(app, started, used);
            return Application.RUNNING;
        }, Application.READY);
        return JsonNodeFactory.instance.objectNode();
    }

    /** Runs again, from its checkpoints, an application that was running when its cloud stopped. */
    void resume(Application app) {
        try {
            launcher.launch(app, app.config, "LAST_STOPPED_POINT");
            app.status = Application.RUNNING;
        } catch (RuntimeException e) {
            app.status = Application.READY;
            System.getLogger(RunOperations.class.getName()).log(System.Logger.Level.WARNING,
                    "application " + app.name + " cannot run again after the restart: " + e.getMessage(), e);
        }
    }

    JsonNode stop(ObjectNode input, RequestContext context) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        Application app = registries.apply(context).get(name);
        ApplicationRunner runner;
        synchronized (app) {
            if (!Application.RUNNING.equals(app.status)) {
                throw AnalyticsErrors.wrongStatus(app.name, app.status, "StopApplication");
            }
            app.status = Application.STOPPING;
            runner = app.runner;
            app.runner = null;
        }
        transitions.run(app, () -> {
            if (runner != null) {
                runner.stop();
            }
            return Application.READY;
        }, Application.READY);
        return JsonNodeFactory.instance.objectNode();
    }
}
