package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
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
     * The service as a local cloud registers it: code from its S3, logs to its CloudWatch Logs (both
     * looked up when used), the cloud's endpoint handed to jobs as {@code aws.endpoint}, and the
     * applications and their savepoints kept in the context's data directory when it has one.
     *
     * @param launcher runs the jobs
     */
    public AnalyticsV2Service(ServiceContext context, FlinkJobLauncher launcher) {
        this(context, FlinkSettings.defaults(), launcher, code(context), logs(context),
                context.dataDirectory().map(d -> d.serviceDirectory("kinesisanalyticsv2")).orElse(null));
    }

    /**
     * With the services it calls given, and the applications and their savepoints kept under
     * {@code stateDirectory} (null: in memory only): applications kept there come back, their jobs
     * started again (see {@link ApplicationRecovery}).
     *
     * @param cloud clock, status-transition delay, endpoint (handed to jobs as {@code aws.endpoint})
     * @param code reads application jars from S3 (bucket, key)
     * @param logs receives the jobs' log lines and the service's events
     */
    AnalyticsV2Service(ServiceContext cloud, FlinkSettings settings, FlinkJobLauncher launcher, ObjectReader code,
            LogSink logs, Path stateDirectory) {
        Clock clock = cloud.clock();
        Supplier<URI> endpoint = cloud.endpoint();
        this.settings = settings;
        this.work = new WorkDirectory(settings.workDirectory(),
                stateDirectory == null ? null : stateDirectory.resolve("savepoints"));
        ApplicationFiles files = new ApplicationFiles(stateDirectory == null ? null
                : stateDirectory.resolve("applications"), work);
        this.jobs = new JobControl(settings, cloud.statusTransitionDelay(), new JobRunner(launcher, code, endpoint,
                work), new ApplicationLogs(logs), work, clock, files);
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

    /** Reads application jars from the cloud's S3, in its own account and region. */
    private static ObjectReader code(ServiceContext context) {
        return (bucket, key) -> context.services().service(S3Service.class).getObjectBytes(context.localRequest(),
                bucket, key);
    }

    /** Writes the jobs' log lines and the service's events to the cloud's CloudWatch Logs, stamped by its clock. */
    private static LogSink logs(ServiceContext context) {
        return (account, region, group, stream, messages) -> {
            long now = context.clock().millis();
            context.services().service(LogsService.class).appendToStream(new RequestContext(
                    UUID.randomUUID().toString(), account, region), group, stream,
                    messages.stream().map(m -> new LogsService.InputLogEvent(now, m)).toList());
        };
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
