package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.analytics.ApplicationTags;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** CreateApplication, DescribeApplication, ListApplications, DeleteApplication and the version queries. */
final class LifecycleOperations {

    private final Function<RequestContext, ApplicationStore> stores;
    private final JobControl jobs;
    private final Clock clock;

    LifecycleOperations(Function<RequestContext, ApplicationStore> stores, JobControl jobs, Clock clock) {
        this.stores = stores;
        this.jobs = jobs;
        this.clock = clock;
    }

    JsonNode create(ObjectNode input, RequestContext context) {
        String name = MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME);
        String runtime = Runtimes.read(input, "RuntimeEnvironment", "runtimeEnvironment", true);
        String role = MEMBERS.required(input, "ServiceExecutionRole", "serviceExecutionRole", 1, 2048, Members.ARN);
        String description = MEMBERS.optional(input, "ApplicationDescription", "applicationDescription", 0, 1024, null);
        String mode = MEMBERS.optionalEnum(input, "ApplicationMode", "applicationMode", List.of("STREAMING", "INTERACTIVE"));
        if ("INTERACTIVE".equals(mode)) {
            throw FlinkErrors.UNSUPPORTED_OPERATION.error(
                    "ApplicationMode INTERACTIVE (Studio notebooks) is not supported by this local cloud.");
        }
        ObjectNode configuration = MEMBERS.object(input, "ApplicationConfiguration", "applicationConfiguration").deepCopy();
        ConfigurationParser.validate(configuration, "applicationConfiguration");
        FlinkApplication app = new FlinkApplication(name, context.accountId(), context.region(), clock.instant());
        app.runtime = runtime;
        app.serviceExecutionRole = role;
        app.description = description;
        app.configuration = configuration;
        int i = 1;
        for (JsonNode option : MEMBERS.list(input, "CloudWatchLoggingOptions", "cloudWatchLoggingOptions", 0, 1)) {
            app.loggingOptions.add(LoggingOptions.parse(option, String.valueOf(i), "cloudWatchLoggingOptions." + i + ".member"));
            i++;
        }
        if (input.has("Tags")) {
            ApplicationTags.addTags(app, MEMBERS.list(input, "Tags", "tags", 1, 200));
        }
        app.versions.put(1L, FlinkViews.detail(app));
        stores.apply(context).add(app);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            output.set("ApplicationDetail", FlinkViews.detail(app));
        }
        return output;
    }

    JsonNode describe(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        MEMBERS.optionalBoolean(input, "IncludeAdditionalDetails", "includeAdditionalDetails");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            output.set("ApplicationDetail", FlinkViews.detail(app));
        }
        return output;
    }

    JsonNode list(ObjectNode input, RequestContext context) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        Pages.page(input, output, "ApplicationSummaries", new ArrayList<>(stores.apply(context).all()), 50, app -> {
            synchronized (app) {
                return FlinkViews.summary(app);
            }
        });
        return output;
    }

    JsonNode delete(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        JsonNode timestamp = input.get("CreateTimestamp");
        if (timestamp == null || timestamp.isNull()) {
            throw MEMBERS.violation("null", "createTimestamp", "Member must not be null");
        }
        FlinkJob job;
        synchronized (app) {
            if (!matchesCreation(timestamp, app.createTimestamp)) {
                throw FlinkErrors.INVALID_ARGUMENT.error("CreateTimestamp " + timestamp.asText()
                        + " does not match the creation time of application " + app.name + " ("
                        + OperationHistory.seconds(app.createTimestamp).toPlainString() + ").");
            }
            app.checkSettled("DeleteApplication");
            app.status = FlinkApplication.DELETING;
            job = app.job;
            app.job = null;
        }
        ApplicationStore store = stores.apply(context);
        jobs.later(() -> {
            jobs.stopQuietly(job);
            jobs.forget(app);
            store.remove(app);
        });
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode describeVersion(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        long version = MEMBERS.number(input, "ApplicationVersionId", "applicationVersionId", 1, 999_999_999L);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        synchronized (app) {
            ObjectNode detail = app.versions.get(version);
            if (detail == null) {
                throw FlinkErrors.notFound("Application version", String.valueOf(version), app.name);
            }
            output.set("ApplicationVersionDetail", detail.deepCopy());
        }
        return output;
    }

    JsonNode listVersions(ObjectNode input, RequestContext context) {
        FlinkApplication app = application(input, context);
        List<ObjectNode> versions;
        synchronized (app) {
            versions = new ArrayList<>(app.versions.descendingMap().values());
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        Pages.page(input, output, "ApplicationVersionSummaries", versions, 50, detail -> JsonNodeFactory.instance
                .objectNode().put("ApplicationVersionId", detail.path("ApplicationVersionId").asLong())
                .put("ApplicationStatus", detail.path("ApplicationStatus").asText()));
        return output;
    }

    /** Accepts whole seconds or the millisecond fraction DescribeApplication returns. */
    static boolean matchesCreation(JsonNode sent, java.time.Instant created) {
        BigDecimal value;
        try {
            value = sent.isNumber() ? sent.decimalValue() : new BigDecimal(sent.asText());
        } catch (NumberFormatException e) {
            throw MEMBERS.violation("'" + sent.asText() + "'", "createTimestamp", "Member must be a timestamp");
        }
        BigDecimal exact = OperationHistory.seconds(created);
        if (value.stripTrailingZeros().scale() <= 0) {
            return value.compareTo(exact.setScale(0, RoundingMode.FLOOR)) == 0;
        }
        return value.setScale(3, RoundingMode.HALF_UP).compareTo(exact) == 0;
    }

    private FlinkApplication application(ObjectNode input, RequestContext context) {
        return stores.apply(context).get(MEMBERS.required(input, "ApplicationName", "applicationName", 1, 128, Members.NAME));
    }
}
