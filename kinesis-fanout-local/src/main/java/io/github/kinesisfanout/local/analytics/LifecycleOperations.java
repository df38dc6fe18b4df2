package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** CreateApplication, DescribeApplication, ListApplications and DeleteApplication. */
final class LifecycleOperations {

    private final Function<RequestContext, ApplicationRegistry> registries;
    private final StatusTransitions transitions;
    private final Clock clock;

    LifecycleOperations(Function<RequestContext, ApplicationRegistry> registries, StatusTransitions transitions,
            Clock clock) {
        this.registries = registries;
        this.transitions = transitions;
        this.clock = clock;
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        ApplicationConfig config = ApplicationConfig.empty()
                .withDescription(MEMBERS.optional(input, "ApplicationDescription", "applicationDescription", 0, 1024, null))
                .withCode(MEMBERS.optional(input, "ApplicationCode", "applicationCode", 0, 102_400, null));
        ArrayNode inputs = MEMBERS.list(input, "Inputs", "inputs", 0, Integer.MAX_VALUE);
        if (inputs.size() > 1) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error("An application can have at most one streaming input; "
                    + inputs.size() + " were given.");
        }
        for (JsonNode in : inputs) {
            ApplicationInput parsed = InputParser.parse(in, "1.1", "inputs.1");
            config = config.withInputs(list -> {
                list.add(parsed);
                return list;
            });
        }
        ArrayNode outputs = MEMBERS.list(input, "Outputs", "outputs", 0, Integer.MAX_VALUE);
        int i = 1;
        for (JsonNode out : outputs) {
            ApplicationOutput parsed = OutputParser.parse(out, i + ".1", "outputs." + i);
            config = ConfigurationOperations.withOutput(config, parsed);
            i++;
        }
        int j = 1;
        for (JsonNode option : MEMBERS.list(input, "CloudWatchLoggingOptions", "cloudWatchLoggingOptions", 0, Integer.MAX_VALUE)) {
            ObjectNode parsed = ConfigurationOperations.loggingOption(option, j + ".1", "cloudWatchLoggingOptions." + j);
            config = config.withLoggingOptions(list -> {
                list.add(parsed);
                return list;
            });
            j++;
        }
        ApplicationCompiler.validate(config);
        Application app = new Application(name, context.accountId(), context.region(), clock.instant(), config);
        if (input.has("Tags")) {
            ApplicationTags.addTags(app, MEMBERS.list(input, "Tags", "tags", 1, 200));
        }
        registries.apply(context).add(app);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            output.set("ApplicationSummary", ApplicationViews.summary(app));
        }
        return output;
    }

    JsonNode describe(ObjectNode input, RequestContext context) {
        Application app = application(input, context);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            output.set("ApplicationDetail", ApplicationViews.detail(app));
        }
        return output;
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        Long limit = MEMBERS.optionalNumber(input, "Limit", "limit", 1, 50);
        String start = MEMBERS.optional(input, "ExclusiveStartApplicationName", "exclusiveStartApplicationName",
                1, 128, Members.NAME);
        int max = limit == null ? 50 : limit.intValue();
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode summaries = output.putArray("ApplicationSummaries");
        boolean more = false;
        for (Application app : registries.apply(context).after(start)) {
            if (summaries.size() == max) {
                more = true;
                break;
            }
            synchronized (app) {
                summaries.add(ApplicationViews.summary(app));
            }
        }
        output.put("HasMoreApplications", more);
        return output;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        Application app = application(input, context);
        JsonNode timestamp = input.get("CreateTimestamp");
        if (timestamp == null || timestamp.isNull()) {
            throw MEMBERS.violation("null", "createTimestamp", "Member must not be null");
        }
        ApplicationRunner runner;
        synchronized (app) {
            if (!matchesCreation(timestamp, app.createTimestamp)) {
                // Delete has no InvalidArgumentException in the model: a different timestamp is a
                // concurrent modification (another application of the same name).
                throw AnalyticsErrors.CONCURRENT_MODIFICATION.error("CreateTimestamp " + timestamp.asText()
                        + " does not match the creation time of application " + app.name + " ("
                        + ApplicationViews.epochSeconds(app.createTimestamp).toPlainString() + ").");
            }
            app.checkSettled("DeleteApplication");
            app.status = Application.DELETING;
            runner = app.runner;
            app.runner = null;
        }
        ApplicationRegistry registry = registries.apply(context);
        transitions.run(app, () -> {
            if (runner != null) {
                runner.stop();
            }
            registry.remove(app);
            return Application.DELETING;
        }, Application.DELETING);
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Accepts the creation time at the precision the client sent: whole seconds (hand-written
     * clients truncate) or the millisecond fraction SDKs round-trip from DescribeApplication.
     */
    static boolean matchesCreation(JsonNode sent, Instant created) {
        BigDecimal value;
        try {
            value = sent.isNumber() ? sent.decimalValue() : new BigDecimal(sent.asText());
        } catch (NumberFormatException e) {
            throw MEMBERS.violation("'" + sent.asText() + "'", "createTimestamp", "Member must be a timestamp");
        }
        BigDecimal exact = ApplicationViews.epochSeconds(created);
        if (value.stripTrailingZeros().scale() <= 0) {
            return value.compareTo(exact.setScale(0, RoundingMode.FLOOR)) == 0;
        }
        return value.setScale(3, RoundingMode.HALF_UP).compareTo(exact) == 0;
    }

    private Application application(ObjectNode input, RequestContext context) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        return registries.apply(context).get(name);
    }
}
