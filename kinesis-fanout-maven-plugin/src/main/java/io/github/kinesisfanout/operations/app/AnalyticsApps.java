package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.AwsErrors;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ResourceNotFoundException;

/**
 * The Kinesis Analytics calls the application goals share: look an application up, wait for a
 * status with progress lines, and, against real AWS, explain that the SQL service is retired.
 */
public final class AnalyticsApps {

    static final Set<String> SETTLED = Set.of("READY", "RUNNING");

    private final KinesisAnalyticsClient client;
    private final ProgressListener listener;
    private final Duration timeout;
    private final boolean realAws;
    private final String flinkCommand;

    /**
     * @param realAws true when the endpoint is AWS itself (not overridden), so errors point to the local cloud
     */
    public AnalyticsApps(KinesisAnalyticsClient client, ProgressListener listener, Duration timeout, boolean realAws) {
        this(client, listener, timeout, realAws, "mvn kinesis-fanout:create-app -Dfanout.engine=flink");
    }

    /**
     * @param realAws true when the endpoint is AWS itself (not overridden), so errors point to the local cloud
     * @param flinkCommand the command that runs the same build on Managed Flink, shown with the retired-service error
     */
    public AnalyticsApps(KinesisAnalyticsClient client, ProgressListener listener, Duration timeout, boolean realAws,
            String flinkCommand) {
        this.client = client;
        this.listener = listener;
        this.timeout = timeout;
        this.realAws = realAws;
        this.flinkCommand = flinkCommand;
    }

    KinesisAnalyticsClient client() {
        return client;
    }

    ProgressListener listener() {
        return listener;
    }

    /** Runs a call; against real AWS a failure also says the SQL service is retired. */
    <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException e) {
            throw e;
        } catch (AwsServiceException | SdkClientException e) {
            if (!realAws) {
                throw e;
            }
            String error = e instanceof AwsServiceException aws ? AwsErrors.describe(aws) : e.getMessage();
            throw AppMessages.retiredService(error, flinkCommand, e);
        }
    }

    /** The application, or empty when it does not exist. */
    Optional<ApplicationDetail> find(String name) {
        try {
            return Optional.of(call(() -> client.describeApplication(r -> r.applicationName(name)).applicationDetail()));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    ApplicationDetail require(String name) {
        return find(name).orElseThrow(() -> AppMessages.applicationNotFound(name));
    }

    /** Waits until the application shows one of the statuses. */
    ApplicationDetail awaitStatus(String name, Set<String> wanted) {
        String status = new Polling(timeout, Duration.ofMillis(100), listener).until("application " + name,
                () -> find(name).map(ApplicationDetail::applicationStatusAsString).orElse("gone"),
                current -> wanted.contains(current) || "gone".equals(current));
        if ("gone".equals(status)) {
            throw AppMessages.applicationNotFound(name);
        }
        return require(name);
    }

    /** Waits out a transient status (STARTING, STOPPING, UPDATING). */
    ApplicationDetail awaitSettled(String name) {
        return awaitStatus(name, SETTLED);
    }

    /** Waits until DescribeApplication answers ResourceNotFoundException. */
    void awaitGone(String name) {
        new Polling(timeout, Duration.ofMillis(100), listener).until("application " + name,
                () -> find(name).map(ApplicationDetail::applicationStatusAsString).orElse("gone"), "gone"::equals);
    }

    /** Whether an exception is the service saying the application does not exist. */
    static boolean isNotFound(Exception e) {
        return e instanceof AwsServiceException aws && AwsErrors.hasCode(aws, "ResourceNotFoundException");
    }

    static FanoutException fail(String message) {
        return new FanoutException(message);
    }
}
