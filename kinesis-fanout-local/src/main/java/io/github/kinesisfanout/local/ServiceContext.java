package io.github.kinesisfanout.local;

import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.ServiceRouter;
import io.github.kinesisfanout.local.storage.DataDirectory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

/**
 * What every service of a local cloud is built from, handed to each constructor the same way
 * ({@code new XyzService(context)}, or {@code new XyzService(context, xyzSettings)} for a service with
 * switches of its own): the clock of every AWS-visible timestamp and transition, the scheduler for
 * delayed work, the cloud's account and region, the one status-transition delay, the data directory
 * when state is durable, the cloud's endpoint, and the registry to find the other services.
 *
 * <p>A small record rather than the {@link ServiceRegistry} itself: a service's unit test builds one
 * with {@link #inMemory(Clock)} (and the {@code with...} methods) without starting a cloud, a router
 * or the other services, and a service sees the few values it is built from, not the registry's
 * registration methods. The registry hands out the cloud's context ({@link ServiceRegistry#context()}).
 *
 * @param clock the time of every AWS-visible timestamp and status transition
 * @param scheduler runs delayed work (status transitions, sweeps); tasks must be short
 * @param accountId the account of every ARN and of calls made from inside the cloud
 * @param region the region of calls that carry none
 * @param statusTransitionDelay how long CREATING, UPDATING, DELETING (and Lambda's Pending, Analytics'
 *     STARTING ...) last; zero makes changes immediate
 * @param dataDirectory the opened, locked data directory when state is durable; empty keeps it in memory
 * @param endpoint the cloud's endpoint once it serves (null before), for code that calls the cloud back
 * @param services the cloud's services, looked up when called, not before
 */
public record ServiceContext(Clock clock, ScheduledExecutorService scheduler, String accountId, String region,
        Duration statusTransitionDelay, Optional<DataDirectory> dataDirectory, Supplier<URI> endpoint,
        ServiceRegistry services) {

    public ServiceContext {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(statusTransitionDelay, "statusTransitionDelay");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(services, "services");
    }

    /**
     * A context for one service on its own (unit tests): the builder's defaults (account
     * 000000000000, us-east-1, no delay, in memory), this clock, a scheduler of its own on a daemon
     * thread, no endpoint, and a registry with no services.
     */
    public static ServiceContext inMemory(Clock clock) {
        LocalCloudSettings settings = LocalCloud.builder().clock(clock).settings();
        ScheduledExecutorService scheduler = newScheduler();
        return new ServiceRegistry(settings, new ServiceRouter(settings.accountId(), settings.region()), scheduler,
                Optional.empty(), () -> null).context();
    }

    /** This context with another status-transition delay. */
    public ServiceContext withStatusTransitionDelay(Duration delay) {
        return new ServiceContext(clock, scheduler, accountId, region, delay, dataDirectory, endpoint, services);
    }

    /** This context with state kept in this data directory. */
    public ServiceContext withDataDirectory(DataDirectory directory) {
        return new ServiceContext(clock, scheduler, accountId, region, statusTransitionDelay, Optional.of(directory),
                endpoint, services);
    }

    /** A call made from inside the cloud, in its own account and region. */
    public RequestContext localRequest() {
        return new RequestContext(UUID.randomUUID().toString(), accountId, region);
    }

    /** The scheduler of a cloud: one daemon thread, cancelled tasks removed at once. */
    static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "local-cloud-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }
}
