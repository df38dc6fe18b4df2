package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceRegistry;
import io.github.kinesisfanout.local.analytics.ApplicationTags;
import io.github.kinesisfanout.local.analytics.ObjectReader;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Service;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Managed Service for Apache Flink (kinesisanalyticsv2, API 2018-05-23, JSON 1.1, target prefix
 * {@code KinesisAnalytics_20180523}): the control plane of Flink applications, whose jobs run
 * through a {@link FlinkJobLauncher}, read their jar from S3 and log to CloudWatch Logs.
 */
public final class AnalyticsV2Service implements AwsService, AutoCloseable {

    /**
     * The name this service is registered under. The SDK signs with {@code kinesisanalytics}, like v1,
     * so requests reach it by their X-Amz-Target prefix.
     */
    public static final String SIGNING_NAME = "kinesisanalyticsv2";
    public static final String TARGET_PREFIX = "KinesisAnalytics_20180523";

    private final FlinkSettings settings;
    private final Map<String, ApplicationStore> stores = new ConcurrentHashMap<>();
    private final WorkDirectory work;
    private final JobControl jobs;
    private final LifecycleOperations lifecycle;
    private final UpdateOperations updates;
    private final RunOperations run;
    private final SnapshotOperations snapshots;
    private final ApplicationTags tags;
    private final OperationQueries operations;

    /**
     * @param launcher runs the jobs
     * @param code reads application jars from S3 (bucket, key)
     * @param logs receives the jobs' log lines and the service's events
     * @param endpoint the local cloud's endpoint, handed to jobs as {@code aws.endpoint}
     */
    public AnalyticsV2Service(FlinkSettings settings, FlinkJobLauncher launcher, ObjectReader code, LogSink logs,
            Supplier<URI> endpoint, Clock clock) {
        this(settings, launcher, code, logs, endpoint, clock, null);
    }

    /**
     * As above, with the applications and their savepoints kept under {@code stateDirectory} (null: in
     * memory only): applications kept there come back, their jobs started again (see {@link ApplicationRecovery}).
     */
    AnalyticsV2Service(FlinkSettings settings, FlinkJobLauncher launcher, ObjectReader code, LogSink logs,
            Supplier<URI> endpoint, Clock clock, Path stateDirectory) {
        this.settings = settings;
        this.work = new WorkDirectory(settings.workDirectory(),
                stateDirectory == null ? null : stateDirectory.resolve("savepoints"));
        ApplicationFiles files = new ApplicationFiles(stateDirectory == null ? null
                : stateDirectory.resolve("applications"), work);
        this.jobs = new JobControl(settings, new JobRunner(launcher, code, endpoint, work), new ApplicationLogs(logs),
                work, clock, files);
        this.lifecycle = new LifecycleOperations(this::store, jobs, clock);
        this.updates = new UpdateOperations(this::store, jobs, clock);
        this.run = new RunOperations(this::store, jobs, clock);
        this.snapshots = new SnapshotOperations(this::store, jobs, clock);
        this.tags = new ApplicationTags("Managed Service for Apache Flink", (name, context) -> store(context).get(name));
        this.operations = new OperationQueries(this::store);
        ApplicationRecovery recovery = new ApplicationRecovery(jobs, clock);
        for (FlinkApplication app : files.loadAll()) {
            if (recovery.recover(app)) {
                store(app.accountId, app.region).restore(app);
            } else {
                jobs.forget(app);
            }
        }
    }

    /** The service as a local cloud registers it: code from its S3, logs to its CloudWatch Logs. */
    public static AnalyticsV2Service create(ServiceRegistry registry, FlinkJobLauncher launcher, Supplier<URI> endpoint) {
        ObjectReader code = (bucket, key) -> registry.service(S3Service.class).getObjectBytes(new RequestContext(
                UUID.randomUUID().toString(), registry.settings().accountId(), registry.settings().region()), bucket, key);
        LogSink logs = (account, region, group, stream, messages) -> {
            long now = registry.clock().millis();
            registry.service(LogsService.class).appendToStream(new RequestContext(UUID.randomUUID().toString(), account,
                    region), group, stream, messages.stream().map(m -> new LogsService.InputLogEvent(now, m)).toList());
        };
        return new AnalyticsV2Service(FlinkSettings.defaults().withTransitionDelay(registry.settings().statusTransitionDelay()),
                launcher, code, logs, endpoint, registry.clock(),
                registry.dataDirectory().map(d -> d.serviceDirectory("kinesisanalyticsv2")).orElse(null));
    }

    @Override
    public String targetPrefix() {
        return TARGET_PREFIX;
    }

    @Override
    public String signingName() {
        return SIGNING_NAME;
    }

    /** Answers a call; with a data directory, an application the call changed is kept before the answer. */
    @Override
    public JsonNode invoke(String operation, ObjectNode input, RequestContext context) {
        JsonNode output = operate(operation, input, context);
        if (!operation.startsWith("Describe") && !operation.startsWith("List")) {
            String name = operation.equals("TagResource") || operation.equals("UntagResource")
                    ? applicationName(Members.text(input, "ResourceARN")) : Members.text(input, "ApplicationName");
            FlinkApplication app = name == null ? null : store(context).find(name);
            if (app != null) {
                jobs.keep(app);
            }
        }
        return output;
    }

    private static String applicationName(String arn) {
        return arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private JsonNode operate(String operation, ObjectNode input, RequestContext context) {
        return switch (operation) {
            case "CreateApplication" -> lifecycle.create(input, context);
            case "DescribeApplication" -> lifecycle.describe(input, context);
            case "ListApplications" -> lifecycle.list(input, context);
            case "DeleteApplication" -> lifecycle.delete(input, context);
            case "DescribeApplicationVersion" -> lifecycle.describeVersion(input, context);
            case "ListApplicationVersions" -> lifecycle.listVersions(input, context);
            case "UpdateApplication" -> updates.update(input, context);
            case "AddApplicationCloudWatchLoggingOption" -> updates.addLogging(input, context);
            case "DeleteApplicationCloudWatchLoggingOption" -> updates.deleteLogging(input, context);
            case "StartApplication" -> run.start(input, context);
            case "StopApplication" -> run.stop(input, context);
            case "CreateApplicationSnapshot" -> snapshots.create(input, context);
            case "ListApplicationSnapshots" -> snapshots.list(input, context);
            case "DescribeApplicationSnapshot" -> snapshots.describe(input, context);
            case "DeleteApplicationSnapshot" -> snapshots.delete(input, context);
            case "ListApplicationOperations" -> operations.list(input, context);
            case "DescribeApplicationOperation" -> operations.describe(input, context);
            case "TagResource" -> tags.tag(input, context);
            case "UntagResource" -> tags.untag(input, context);
            case "ListTagsForResource" -> tags.list(input, context);
            default -> throw AwsServiceException.notSupported("KinesisAnalyticsV2", operation);
        };
    }

    private ApplicationStore store(RequestContext context) {
        return store(context.accountId(), context.region());
    }

    private ApplicationStore store(String accountId, String region) {
        return stores.computeIfAbsent(accountId + "/" + region, key -> new ApplicationStore(settings.applicationLimit()));
    }

    /**
     * Stops every job (no snapshots), the service's threads, and removes a temporary work directory.
     * What the data directory holds stays as it was before (a RUNNING application runs again at the next start).
     */
    @Override
    public void close() {
        jobs.close();
        for (ApplicationStore store : stores.values()) {
            for (FlinkApplication app : store.all()) {
                FlinkJob job;
                synchronized (app) {
                    job = app.job;
                    app.job = null;
                }
                jobs.stopQuietly(job);
            }
        }
        work.close();
    }
}
