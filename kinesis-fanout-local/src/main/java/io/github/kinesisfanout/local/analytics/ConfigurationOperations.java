package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The configuration changes: UpdateApplication and the Add/Delete operations of inputs, outputs,
 * reference data sources, logging options and input processing. Each carries
 * CurrentApplicationVersionId (ConcurrentModificationException when stale), makes a new version,
 * and passes through UPDATING back to READY or RUNNING; a running application is restarted from
 * where it stopped reading so nothing is lost.
 */
final class ConfigurationOperations {

    private final Function<RequestContext, ApplicationRegistry> registries;
    private final StatusTransitions transitions;
    private final Clock clock;
    private final RunnerLauncher launcher;

    ConfigurationOperations(Function<RequestContext, ApplicationRegistry> registries, StatusTransitions transitions,
            Clock clock, StreamAccess streams, LambdaInvoker lambda, ObjectReader objects, DeliveryStreamLink firehose) {
        this.registries = registries;
        this.transitions = transitions;
        this.clock = clock;
        this.launcher = new RunnerLauncher(streams, lambda, objects, firehose, clock);
    }

    JsonNode update(ObjectNode input, RequestContext context) {
        ObjectNode update = MEMBERS.object(input, "ApplicationUpdate", "applicationUpdate");
        return change(input, context, "UpdateApplication", config -> ApplicationUpdates.apply(config, update));
    }

    JsonNode addInput(ObjectNode input, RequestContext context) {
        ObjectNode in = MEMBERS.object(input, "Input", "input");
        return change(input, context, "AddApplicationInput", config -> {
            if (!config.inputs().isEmpty()) {
                throw AnalyticsErrors.INVALID_ARGUMENT.error("Application already has an input ("
                        + config.inputs().get(0).id() + "); an application can have at most one streaming input.");
            }
            ApplicationInput parsed = InputParser.parse(in, "1.1", "input");
            return config.withInputs(list -> append(list, parsed));
        });
    }

    JsonNode addOutput(ObjectNode input, RequestContext context) {
        ObjectNode out = MEMBERS.object(input, "Output", "output");
        return change(input, context, "AddApplicationOutput", config -> withOutput(config,
                OutputParser.parse(out, ApplicationConfig.nextId(config.outputs().stream().map(ApplicationOutput::id).toList()),
                        "output")));
    }

    JsonNode deleteOutput(ObjectNode input, RequestContext context) {
        String id = MEMBERS.required(input, "OutputId", "outputId", 1, 50, Members.NAME);
        return change(input, context, "DeleteApplicationOutput", config -> {
            if (config.outputs().stream().noneMatch(o -> o.id().equals(id))) {
                throw AnalyticsErrors.notFound("Output", id, input.path("ApplicationName").asText());
            }
            return config.withOutputs(list -> {
                list.removeIf(o -> o.id().equals(id));
                return list;
            });
        });
    }

    JsonNode addReference(ObjectNode input, RequestContext context) {
        ObjectNode source = MEMBERS.object(input, "ReferenceDataSource", "referenceDataSource");
        return change(input, context, "AddApplicationReferenceDataSource", config -> {
            if (!config.references().isEmpty()) {
                throw AnalyticsErrors.INVALID_ARGUMENT.error(
                        "An application can have at most one reference data source.");
            }
            ObjectNode parsed = ReferenceSources.parse(source, "1.1");
            return config.withReferences(list -> append(list, parsed));
        });
    }

    JsonNode deleteReference(ObjectNode input, RequestContext context) {
        String id = MEMBERS.required(input, "ReferenceId", "referenceId", 1, 50, Members.NAME);
        return change(input, context, "DeleteApplicationReferenceDataSource",
                config -> config.withReferences(list -> removeById(list, "ReferenceId", id, "Reference data source", input)));
    }

    JsonNode addLogging(ObjectNode input, RequestContext context) {
        ObjectNode option = MEMBERS.object(input, "CloudWatchLoggingOption", "cloudWatchLoggingOption");
        return change(input, context, "AddApplicationCloudWatchLoggingOption", config -> {
            String id = ApplicationConfig.nextId(config.loggingOptions().stream()
                    .map(o -> o.path("CloudWatchLoggingOptionId").asText()).toList());
            ObjectNode parsed = loggingOption(option, id, "cloudWatchLoggingOption");
            return config.withLoggingOptions(list -> append(list, parsed));
        });
    }

    JsonNode deleteLogging(ObjectNode input, RequestContext context) {
        String id = MEMBERS.required(input, "CloudWatchLoggingOptionId", "cloudWatchLoggingOptionId", 1, 50, Members.NAME);
        return change(input, context, "DeleteApplicationCloudWatchLoggingOption",
                config -> config.withLoggingOptions(list -> removeById(list, "CloudWatchLoggingOptionId", id,
                        "CloudWatch logging option", input)));
    }

    JsonNode addProcessing(ObjectNode input, RequestContext context) {
        String inputId = MEMBERS.required(input, "InputId", "inputId", 1, 50, Members.NAME);
        ObjectNode processing = MEMBERS.object(input, "InputProcessingConfiguration", "inputProcessingConfiguration");
        InputParser.validateProcessing(processing, "inputProcessingConfiguration");
        return change(input, context, "AddApplicationInputProcessingConfiguration",
                config -> withProcessing(config, inputId, processing.deepCopy(), input));
    }

    JsonNode deleteProcessing(ObjectNode input, RequestContext context) {
        String inputId = MEMBERS.required(input, "InputId", "inputId", 1, 50, Members.NAME);
        return change(input, context, "DeleteApplicationInputProcessingConfiguration",
                config -> withProcessing(config, inputId, null, input));
    }

    /** The common path of every configuration change. */
    private JsonNode change(ObjectNode input, RequestContext context, String operation,
            UnaryOperator<ApplicationConfig> change) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        long version = MEMBERS.number(input, "CurrentApplicationVersionId", "currentApplicationVersionId", 1, 999_999_999L);
        Application app = registries.apply(context).get(name);
        ApplicationRunner previous;
        String settled;
        ApplicationConfig next;
        synchronized (app) {
            app.checkSettled(operation);
            app.checkVersion(version);
            next = change.apply(app.config);
            ApplicationCompiler.validate(next);
            settled = app.status;
            if (Application.RUNNING.equals(settled)) {
                launcher.check(app, next);
            }
            app.commit(next, clock.instant());
            app.status = Application.UPDATING;
            previous = app.runner;
            app.runner = null;
        }
        transitions.run(app, () -> {
            if (previous == null) {
                return settled;
            }
            previous.stop();
            launcher.launch(app, next, "LAST_STOPPED_POINT");
            return Application.RUNNING;
        }, Application.READY);
        return JsonNodeFactory.instance.objectNode();
    }

    /** At most three outputs (destinations) per application. */
    static ApplicationConfig withOutput(ApplicationConfig config, ApplicationOutput output) {
        if (config.outputs().size() >= 3) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error("An application can have at most 3 outputs.");
        }
        return config.withOutputs(list -> append(list, output));
    }

    static ObjectNode loggingOption(JsonNode option, String id, String path) {
        ObjectNode parsed = JsonNodeFactory.instance.objectNode();
        parsed.put("CloudWatchLoggingOptionId", id);
        parsed.put("LogStreamARN", MEMBERS.required(option, "LogStreamARN", path + ".logStreamARN", 1, 2048, Members.ARN));
        parsed.put("RoleARN", MEMBERS.required(option, "RoleARN", path + ".roleARN", 1, 2048, Members.ROLE_ARN));
        return parsed;
    }

    private static ApplicationConfig withProcessing(ApplicationConfig config, String inputId, ObjectNode processing,
            ObjectNode request) {
        if (config.inputs().stream().noneMatch(i -> i.id().equals(inputId))) {
            throw AnalyticsErrors.notFound("Input", inputId, request.path("ApplicationName").asText());
        }
        return config.withInputs(list -> {
            list.replaceAll(i -> i.id().equals(inputId) ? new ApplicationInput(i.id(), i.namePrefix(), i.streamArn(),
                    i.roleArn(), i.parallelism(), i.schema(), processing, i.startingPosition()) : i);
            return list;
        });
    }

    private static List<ObjectNode> removeById(List<ObjectNode> list, String member, String id, String what,
            ObjectNode request) {
        if (!list.removeIf(node -> node.path(member).asText().equals(id))) {
            throw AnalyticsErrors.notFound(what, id, request.path("ApplicationName").asText());
        }
        return list;
    }

    private static <T> List<T> append(List<T> list, T element) {
        list.add(element);
        return list;
    }
}
