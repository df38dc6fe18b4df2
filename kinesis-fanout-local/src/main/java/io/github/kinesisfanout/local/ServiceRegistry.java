package io.github.kinesisfanout.local;

import io.github.kinesisfanout.local.edge.AwsService;
import io.github.kinesisfanout.local.edge.ServiceRouter;
import io.github.kinesisfanout.local.edge.WireProtocol;
import io.github.kinesisfanout.local.kinesis.KinesisService;
import io.github.kinesisfanout.local.storage.DataDirectory;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The services of one {@link LocalCloud}: each registers here with its wire protocol, and services
 * find each other here (by signing name, by type, or typed accessors such as {@link #kinesis()}).
 * Every service is built from its {@link #context()} (clock, scheduler, account, region, transition
 * delay, data directory, and this registry); look others up when calling them, not before.
 */
public final class ServiceRegistry {

    private final LocalCloudSettings settings;
    private final ServiceRouter router;
    private final ScheduledExecutorService scheduler;
    private final List<AwsService> services = new ArrayList<>();
    private final Optional<DataDirectory> dataDirectory;
    private final ServiceContext context;

    ServiceRegistry(LocalCloudSettings settings, ServiceRouter router, ScheduledExecutorService scheduler,
            Optional<DataDirectory> dataDirectory, Supplier<URI> endpoint) {
        this.settings = settings;
        this.router = router;
        this.scheduler = scheduler;
        this.dataDirectory = dataDirectory;
        this.context = new ServiceContext(settings.clock(), scheduler, settings.accountId(), settings.region(),
                settings.statusTransitionDelay(), dataDirectory, endpoint, this);
    }

    /** What every service of this cloud is built from. */
    public ServiceContext context() {
        return context;
    }

    /** The opened, locked data directory when state is durable; empty keeps everything in memory. */
    public Optional<DataDirectory> dataDirectory() {
        return dataDirectory;
    }

    /** Serves a service on the edge under its signing name, decoded and encoded by the given protocol. */
    public synchronized <T extends AwsService> T register(T service, WireProtocol protocol) {
        router.register(service, protocol);
        services.add(service);
        return service;
    }

    /** The service with a SigV4 signing name (e.g. {@code kinesis}, {@code s3}). */
    public AwsService service(String signingName) {
        AwsService service = router.service(signingName);
        if (service == null) {
            throw new IllegalArgumentException("no service '" + signingName + "' in this local cloud; registered: "
                    + router.signingNames());
        }
        return service;
    }

    /** The service with a SigV4 signing name, if this cloud has it. */
    public Optional<AwsService> find(String signingName) {
        return Optional.ofNullable(router.service(signingName));
    }

    /** The registered service of a type. */
    public synchronized <T extends AwsService> T service(Class<T> type) {
        for (AwsService service : services) {
            if (type.isInstance(service)) {
                return type.cast(service);
            }
        }
        throw new IllegalArgumentException("no " + type.getSimpleName() + " in this local cloud");
    }

    /** The Kinesis service. */
    public KinesisService kinesis() {
        return service(KinesisService.class);
    }

    /** The cloud's settings (account, region, delays, switches). */
    public LocalCloudSettings settings() {
        return settings;
    }

    /** The cloud's clock; use it for every timestamp so tests can move time. */
    public Clock clock() {
        return settings.clock();
    }

    /** A shared scheduler for delayed work (status transitions); tasks must be short. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The services in registration order. */
    synchronized List<AwsService> services() {
        return new ArrayList<>(services);
    }
}
