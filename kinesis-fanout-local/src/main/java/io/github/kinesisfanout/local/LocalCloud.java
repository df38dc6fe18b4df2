package io.github.kinesisfanout.local;

import io.github.kinesisfanout.local.analytics.AnalyticsService;
import io.github.kinesisfanout.local.analyticsv2.AnalyticsV2Service;
import io.github.kinesisfanout.local.analyticsv2.FlinkJobLauncher;
import io.github.kinesisfanout.local.analyticsv2.FlinkLaunchers;
import io.github.kinesisfanout.local.cloudformation.CloudFormationService;
import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.BindWarning;
import io.github.kinesisfanout.local.edge.EdgeServer;
import io.github.kinesisfanout.local.edge.JsonWireProtocol;
import io.github.kinesisfanout.local.edge.QueryWireProtocol;
import io.github.kinesisfanout.local.edge.ServiceRouter;
import io.github.kinesisfanout.local.firehose.FirehoseService;
import io.github.kinesisfanout.local.iam.IamService;
import io.github.kinesisfanout.local.kinesis.KinesisConfig;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.lambda.LambdaRoutes;
import io.github.kinesisfanout.local.lambda.LambdaService;
import io.github.kinesisfanout.local.lambda.LambdaSettings;
import io.github.kinesisfanout.local.logs.LogsService;
import io.github.kinesisfanout.local.s3.S3Requests;
import io.github.kinesisfanout.local.s3.S3Service;
import io.github.kinesisfanout.local.storage.DataDirectory;
import io.github.kinesisfanout.local.sts.StsService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded local cloud: every service on one HTTP port, speaking the AWS wire protocols.
 *
 * <pre>
 * try (LocalCloud cloud = LocalCloud.builder().port(0).build().start()) {
 *     URI endpoint = cloud.endpoint();
 * }
 * </pre>
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalCloud.class.getName());

    private final LocalCloudSettings settings;
    private final FlinkJobLauncher flinkJobs;
    private ScheduledExecutorService scheduler;
    private ServiceRegistry registry;
    private EdgeServer edge;
    private Optional<DataDirectory> data = Optional.empty();
    private volatile URI endpoint;

    private LocalCloud(LocalCloudSettings settings, FlinkJobLauncher flinkJobs) {
        this.settings = settings;
        this.flinkJobs = flinkJobs;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates and registers every service, each from the one context (clock, scheduler, account,
     * region, status-transition delay, data directory, the registry), plus its own switches if it has
     * any. To add a service, add one line here:
     * {@code registry.register(new XyzService(context), new XyzWireProtocol());}
     */
    private void registerServices(ServiceRegistry registry) {
        ServiceContext context = registry.context();
        registry.register(new KinesisService(context, new KinesisConfig(settings.throughputLimits(),
                settings.putRecordsFailureRate(), FaultDice.of(settings.faultSeed(), "kinesis"))), new JsonWireProtocol());
        registry.register(new S3Service(context), S3Requests.protocol());
        registry.register(new LogsService(context), new JsonWireProtocol());
        registry.register(new IamService(context), new QueryWireProtocol(IamService.XML_NAMESPACE, IamService.EMPTY_RESULTS));
        registry.register(new StsService(context), new QueryWireProtocol(StsService.XML_NAMESPACE));
        // After S3 and Logs, which it takes code from and writes logs to.
        registry.register(new LambdaService(context, LambdaSettings.defaults()
                .withLogsToConsole(settings.functionLogsToConsole())
                .withMappingInvocationFailures(settings.lambdaFailureRate(), FaultDice.of(settings.faultSeed(), "lambda"))),
                LambdaRoutes.protocol());
        // Before Kinesis Analytics, which writes to and reads from delivery streams: so it is there when
        // applications resume at start, and closes after them (the last rows reach it, then it flushes).
        registry.register(new FirehoseService(context), new JsonWireProtocol());
        registry.register(new AnalyticsService(context), new JsonWireProtocol());
        registry.register(new AnalyticsV2Service(context, flinkJobs), new JsonWireProtocol());
        registry.register(new CloudFormationService(context, CloudFormationResources.handlers()), new QueryWireProtocol(
                "http://cloudformation.amazonaws.com/doc/2010-05-15/", CloudFormationService.EMPTY_RESULTS));
    }

    /** Binds the port and starts serving; returns this cloud. */
    public synchronized LocalCloud start() {
        if (edge != null) {
            throw new IllegalStateException("already started at " + endpoint);
        }
        // Locked and version-checked before any service reads it; refused with a clear message otherwise.
        data = settings.dataDirectoryIfAny().map(directory -> DataDirectory.open(directory, settings.memoryBudget()));
        scheduler = ServiceContext.newScheduler();
        ServiceRouter router = new ServiceRouter(settings.accountId(), settings.region());
        router.verifySignatures(settings.signatureKeys());
        registry = new ServiceRegistry(settings, router, scheduler, data, () -> endpoint);
        try {
            registerServices(registry);
            edge = new EdgeServer(router, settings.maxRequestBodyBytes(), settings.idleTimeout());
            InetSocketAddress bound = edge.start(settings.host(), settings.port());
            BindWarning.check(settings.host(), bound);
            endpoint = URI.create("http://" + hostForUri(settings.host()) + ":" + bound.getPort());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The base URI every client uses, e.g. {@code http://127.0.0.1:4566}. */
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("not started: call start() first");
        }
        return endpoint;
    }

    /** The services of this cloud, for calls from the same JVM. */
    public synchronized ServiceRegistry services() {
        if (registry == null) {
            throw new IllegalStateException("not started: call start() first");
        }
        return registry;
    }

    /** The Kinesis service, for readers and writers in the same JVM. */
    public KinesisService kinesis() {
        return services().kinesis();
    }

    /** The settings this cloud runs with. */
    public LocalCloudSettings settings() {
        return settings;
    }

    /** Stops serving and releases the port, the threads and every service. */
    @Override
    public synchronized void close() {
        if (edge != null) {
            edge.close();
        }
        if (registry != null) {
            List<AwsService> services = registry.services();
            Collections.reverse(services);
            for (AwsService service : services) {
                if (service instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.log(Level.WARNING, "closing " + service.signingName() + " failed", e);
                    }
                }
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        data.ifPresent(DataDirectory::close);
        data = Optional.empty();
        edge = null;
        endpoint = null;
    }

    /** Settings of a {@link LocalCloud}; every one has a default. */
    public static final class Builder {
        private int port = 0;
        private String host = "127.0.0.1";
        private String region = "us-east-1";
        private String accountId = "000000000000";
        private Duration statusTransitionDelay = Duration.ZERO;
        private int maxRequestBodyBytes = 128 * 1024 * 1024;
        private boolean throughputLimits;
        private double putRecordsFailureRate;
        private double lambdaFailureRate;
        private Long faultSeed;
        private Clock clock = Clock.systemUTC();
        private boolean functionLogsToConsole = true;
        private Path dataDirectory;
        private MemoryBudget memoryBudget;
        private List<Path> flinkClasspath;
        private FlinkJobLauncher flinkJobLauncher;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private java.util.Map<String, String> signatureKeys = java.util.Map.of();

        /** The port to bind; 0 picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to bind; 127.0.0.1 unless set. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The region used when a request carries none; us-east-1 unless set. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** The account id of every ARN; 000000000000 unless set. */
        public Builder accountId(String accountId) {
            if (accountId == null || !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, was " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** How long CREATING, UPDATING and DELETING last; 0 (the default) makes changes immediate. */
        public Builder statusTransitionDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("statusTransitionDelay must be zero or positive, was " + delay);
            }
            this.statusTransitionDelay = delay;
            return this;
        }

        /** Requests with bigger bodies get a 413 error before being buffered; 128 MiB unless set (a Flink job jar uploaded to S3 is about 60 MiB). */
        public Builder maxRequestBodyBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxRequestBodyBytes must be at least 1024, was " + bytes);
            }
            this.maxRequestBodyBytes = bytes;
            return this;
        }

        /**
         * Enforces Kinesis's per-shard limits (writes 1 MiB/s and 1,000 records/s, reads 5 calls/s and
         * 2 MiB/s) with ProvisionedThroughputExceededException; off unless set.
         */
        public Builder throughputLimits(boolean enabled) {
            this.throughputLimits = enabled;
            return this;
        }

        /** Makes each PutRecords entry fail with this probability (0..1), as partial failures; 0 unless set. */
        public Builder putRecordsFailureRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("putRecordsFailureRate must be between 0 and 1, was " + rate);
            }
            this.putRecordsFailureRate = rate;
            return this;
        }

        /**
         * Makes each invocation of a function by an event source mapping fail with this probability
         * (0..1), before the handler runs, as a function error ({@code Unhandled},
         * {@code Runtime.ExitError}): the mapping retries and bisects as configured; 0 unless set.
         */
        public Builder lambdaFailureRate(double rate) {
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("lambdaFailureRate must be between 0 and 1, was " + rate);
            }
            this.lambdaFailureRate = rate;
            return this;
        }

        /** Seeds the draws of the fault switches, so a run repeats its faults; different on every run unless set. */
        public Builder faultSeed(long seed) {
            this.faultSeed = seed;
            return this;
        }

        /** The clock of every service (iterator expiry, retention, timestamps); the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether each Lambda function log line is also printed on the console, prefixed with the
         * function name; true unless set. The lines always go to CloudWatch Logs {@code /aws/lambda/NAME}.
         */
        public Builder functionLogsToConsole(boolean console) {
            this.functionLogsToConsole = console;
            return this;
        }

        /**
         * Keeps every service's state in this directory across restarts (created when missing; one
         * cloud at a time); without it everything stays in memory.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = Objects.requireNonNull(directory, "dataDirectory");
            return this;
        }

        /** With a data directory, about how many bytes of data stay in memory ({@link MemoryBudget}); refused without one. */
        public Builder memoryBudget(long bytes) {
            this.memoryBudget = new MemoryBudget(bytes);
            return this;
        }

        /**
         * The Flink runtime jars Managed Flink applications run with; unless set, they are looked up in
         * the local Maven repository for each application's Flink release.
         */
        public Builder flinkClasspath(List<Path> classpath) {
            this.flinkClasspath = List.copyOf(classpath);
            return this;
        }

        /** What runs Managed Flink applications' jobs; a forked JVM per job unless set. */
        public Builder flinkJobLauncher(FlinkJobLauncher launcher) {
            this.flinkJobLauncher = Objects.requireNonNull(launcher, "launcher");
            return this;
        }

        public LocalCloud build() {
            return new LocalCloud(settings(),
                    flinkJobLauncher != null ? flinkJobLauncher : FlinkLaunchers.forkedJvm(flinkClasspath));
        }

        /** The settings collected so far. */
        LocalCloudSettings settings() {
            return new LocalCloudSettings(host, port, region, accountId, statusTransitionDelay,
                    maxRequestBodyBytes, throughputLimits, putRecordsFailureRate, clock, functionLogsToConsole,
                    dataDirectory, idleTimeout, signatureKeys, lambdaFailureRate, faultSeed, memoryBudget);
        }

        /**
         * Closes a connection that sends and receives nothing for this long while none of its requests
         * is being served (half-sent requests, slow-loris clients); 60 seconds unless set.
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout == null || timeout.toMillis() < 1) {
                throw new IllegalArgumentException("idleTimeout must be at least 1 ms, was " + timeout);
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Verifies the SigV4 signature of every request with these keys (secret key by access key id):
         * a wrong signature gets AWS's signature error, an unknown key AWS's unknown-key error. Off
         * (empty) unless set, so any credentials work.
         */
        public Builder verifySignatures(java.util.Map<String, String> secretKeysByAccessKey) {
            java.util.Map<String, String> keys = java.util.Map.copyOf(secretKeysByAccessKey);
            keys.forEach((accessKey, secret) -> {
                if (accessKey.isBlank() || secret.isEmpty()) {
                    throw new IllegalArgumentException("verifySignatures needs non-empty access keys and secrets");
                }
            });
            this.signatureKeys = keys;
            return this;
        }
    }
}
