package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.KinesisStreamAccess;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kinesis Data Analytics for SQL (API 2015-08-14, JSON 1.1, target prefix
 * {@code KinesisAnalytics_20150814}): the control plane of SQL applications, which run in an
 * {@link ApplicationRunner} reading and writing Kinesis streams through {@link StreamAccess}.
 */
public final class AnalyticsService implements AwsService, AutoCloseable {

    public static final String SIGNING_NAME = "kinesisanalytics";
    public static final String TARGET_PREFIX = "KinesisAnalytics_20150814";

    private final AnalyticsSettings settings;
    private final Map<String, ApplicationRegistry> registries = new ConcurrentHashMap<>();
    private final StatusTransitions transitions;
    private final LifecycleOperations lifecycle;
    private final ConfigurationOperations configuration;
    private final RunOperations run;
    private final ApplicationTags tags;
    private final DiscoverOperation discover;
    private final ApplicationKeeper keeper;

    /**
     * The service as a local cloud registers it: Kinesis, Lambda (LambdaOutput), Firehose
     * (KinesisFirehoseOutput, KinesisFirehoseInput) and S3 (DiscoverInputSchema from an object) through
     * their typed methods, looked up when used; applications kept in the context's data directory when
     * it has one.
     */
    public AnalyticsService(ServiceContext context) {
        this(context, AnalyticsSettings.defaults());
    }

    /** As above, with these settings. */
    public AnalyticsService(ServiceContext context, AnalyticsSettings settings) {
        this(context, settings, new KinesisStreamAccess(context.services()::kinesis), LocalCloudLinks.lambda(context),
                LocalCloudLinks.s3(context), LocalCloudLinks.firehose(context), context.dataDirectory()
                        .map(d -> new ApplicationStorage(d.serviceDirectory("kinesisanalytics")))
                        .orElse(ApplicationStorage.NONE));
    }

    /**
     * With the services it calls given.
     *
     * @param context clock, status-transition delay
     * @param settings limits
     * @param streams how applications read and write Kinesis streams
     * @param lambda how applications invoke Lambda outputs; null when the cloud has no Lambda service
     * @param objects how DiscoverInputSchema reads S3 objects; null when the cloud has no S3 service
     */
    public AnalyticsService(ServiceContext context, AnalyticsSettings settings, StreamAccess streams,
            LambdaInvoker lambda, ObjectReader objects) {
        this(context, settings, streams, lambda, objects, null, ApplicationStorage.NONE);
    }

    /**
     * As above, with delivery streams reached through {@code firehose} (null: none) and the applications kept in
     * {@code storage}: those RUNNING when it was last written run again.
     */
    AnalyticsService(ServiceContext cloud, AnalyticsSettings settings, StreamAccess streams, LambdaInvoker lambda,
            ObjectReader objects, DeliveryStreamLink firehose, ApplicationStorage storage) {
        this.settings = settings;
        this.transitions = new StatusTransitions(cloud.statusTransitionDelay());
        Clock clock = cloud.clock();
        this.lifecycle = new LifecycleOperations(this::registry, transitions, clock);
        this.configuration = new ConfigurationOperations(this::registry, transitions, clock, streams, lambda, objects,
                firehose);
        this.run = new RunOperations(this::registry, transitions, streams, lambda, objects, firehose, clock);
        this.tags = new ApplicationTags("Kinesis Analytics", (name, context) -> registry(context).get(name));
        this.discover = new DiscoverOperation(streams, objects, lambda);
        for (ObjectNode snapshot : storage.loadAll()) {
            Application app = ApplicationSnapshots.restore(snapshot);
            registries.computeIfAbsent(app.accountId + "/" + app.region,
                    key -> new ApplicationRegistry(settings.applicationLimit())).add(app);
            synchronized (app) {
                if (Application.RUNNING.equals(app.status) || Application.STARTING.equals(app.status)) {
                    run.resume(app);
                } else {
                    app.status = Application.READY;
                }
            }
        }
        this.keeper = new ApplicationKeeper(storage, this::applications);
    }

    private Iterable<Application> applications() {
        return registries.values().stream().flatMap(r -> r.all().stream()).toList();
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        JsonNode output = operate(operation, input, context);
        String name = io.github.kinesisfanout.local.edge.Members.text(input, "ApplicationName");
        if (operation.equals("DeleteApplication")) {
            keeper.delete(context.accountId(), context.region(), name);
        } else if (name != null && !operation.startsWith("Describe") && !operation.startsWith("List")
                && !operation.equals("DiscoverInputSchema")) {
            keeper.save(registry(context).get(name));
        } else if (operation.equals("TagResource") || operation.equals("UntagResource")) {
            String arn = io.github.kinesisfanout.local.edge.Members.text(input, "ResourceARN");
            keeper.save(registry(context).get(arn.substring(arn.lastIndexOf('/') + 1)));
        }
        return output;
    }

    private JsonNode operate(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "CreateApplication" -> lifecycle.create(input, context);
            case "DescribeApplication" -> asValidationError(() -> lifecycle.describe(input, context));
            case "ListApplications" -> lifecycle.list(input, context);
            case "DeleteApplication" -> asValidationError(() -> lifecycle.delete(input, context));
            case "StartApplication" -> run.start(input, context);
            case "StopApplication" -> asValidationError(() -> run.stop(input, context));
            case "UpdateApplication" -> configuration.update(input, context);
            case "AddApplicationInput" -> configuration.addInput(input, context);
            case "AddApplicationOutput" -> configuration.addOutput(input, context);
            case "DeleteApplicationOutput" -> configuration.deleteOutput(input, context);
            case "AddApplicationReferenceDataSource" -> configuration.addReference(input, context);
            case "DeleteApplicationReferenceDataSource" -> configuration.deleteReference(input, context);
            case "AddApplicationCloudWatchLoggingOption" -> configuration.addLogging(input, context);
            case "DeleteApplicationCloudWatchLoggingOption" -> configuration.deleteLogging(input, context);
            case "AddApplicationInputProcessingConfiguration" -> configuration.addProcessing(input, context);
            case "DeleteApplicationInputProcessingConfiguration" -> configuration.deleteProcessing(input, context);
            case "TagResource" -> tags.tag(input, context);
            case "UntagResource" -> tags.untag(input, context);
            case "ListTagsForResource" -> tags.list(input, context);
            case "DiscoverInputSchema" -> discover.discover(input, context);
            default -> throw AwsServiceException.notSupported("KinesisAnalytics", operation);
        };
    }

    /**
     * DescribeApplication, DeleteApplication and StopApplication list no InvalidArgumentException in
     * the model: their member validation errors are the common ValidationException.
     */
    private static JsonNode asValidationError(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            if (AnalyticsErrors.INVALID_ARGUMENT.is(e)) {
                throw AnalyticsErrors.VALIDATION.error(e.getMessage());
            }
            throw e;
        }
    }

    private ApplicationRegistry registry(RequestContext context) {
        return registries.computeIfAbsent(context.accountId() + "/" + context.region(),
                key -> new ApplicationRegistry(settings.applicationLimit()));
    }

    /** Stops every running application (checkpoints kept) and the transition scheduler. */
    @Override
    public void close() {
        keeper.close();
        for (ApplicationRegistry registry : registries.values()) {
            for (Application app : registry.all()) {
                ApplicationRunner runner;
                synchronized (app) {
                    runner = app.runner;
                    app.runner = null;
                }
                if (runner != null) {
                    runner.stop();
                }
                keeper.save(app);
            }
        }
        transitions.close();
    }
}
