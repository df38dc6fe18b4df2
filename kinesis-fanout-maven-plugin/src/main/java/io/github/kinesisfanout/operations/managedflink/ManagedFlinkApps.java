package io.github.kinesisfanout.operations.managedflink;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ResourceNotFoundException;

/**
 * The kinesisanalyticsv2 calls the application goals share: look an application up, wait for a
 * status with progress lines and a timeout, and turn a failed operation into its root cause.
 */
public final class ManagedFlinkApps {

    /** The statuses from which a goal can act: every other one is transient and waited out. */
    static final Set<String> SETTLED = Set.of("READY", "RUNNING", "ROLLED_BACK");

    private static final String GONE = "gone";

    private final KinesisAnalyticsV2Client client;
    private final RootCause rootCause;
    private final ProgressListener listener;
    private final Duration timeout;

    /**
     * @param client the kinesisanalyticsv2 client
     * @param rootCause reads why an operation failed (the operation's error and the application's log)
     * @param listener progress lines
     * @param timeout how long each wait may take
     */
    public ManagedFlinkApps(KinesisAnalyticsV2Client client, RootCause rootCause, ProgressListener listener,
            Duration timeout) {
        this.client = client;
        this.rootCause = rootCause;
        this.listener = listener;
        this.timeout = timeout;
    }

    KinesisAnalyticsV2Client client() {
        return client;
    }

    ProgressListener listener() {
        return listener;
    }

    /** The application, or empty when it does not exist. */
    Optional<ApplicationDetail> find(String name) {
        try {
            return Optional.of(client.describeApplication(r -> r.applicationName(name)).applicationDetail());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    ApplicationDetail require(String name) {
        return find(name).orElseThrow(() -> ManagedFlinkMessages.notFound(name));
    }

    /** Waits out a transient status (STARTING, STOPPING, UPDATING, AUTOSCALING, ...). */
    ApplicationDetail awaitSettled(String name) {
        return awaitStatus(name, SETTLED);
    }

    /** Waits until the application shows one of the statuses; fails when it disappears. */
    ApplicationDetail awaitStatus(String name, Set<String> wanted) {
        String status = poll(name, current -> wanted.contains(current) || GONE.equals(current));
        if (GONE.equals(status)) {
            throw ManagedFlinkMessages.notFound(name);
        }
        return require(name);
    }

    /**
     * Waits for the end of the operation a call started (its id, or null when the service gave none)
     * and a settled status; a failed operation, or a status other than {@code wanted}, fails with the
     * root cause.
     *
     * @param what the call, for messages, e.g. StartApplication
     */
    ApplicationDetail awaitOperation(String name, String operationId, String what, String wanted) {
        String status = poll(name, current -> GONE.equals(current) || finished(name, operationId, current));
        if (GONE.equals(status)) {
            throw ManagedFlinkMessages.notFound(name);
        }
        ApplicationDetail app = awaitSettled(name);
        boolean failed = operationId != null && "FAILED".equals(rootCause.operationStatus(name, operationId));
        if (!failed && wanted.equals(app.applicationStatusAsString())) {
            return app;
        }
        throw ManagedFlinkMessages.operationFailed(what, name, app.applicationStatusAsString(),
                rootCause.explain(app, operationId));
    }

    // A settled status with the operation no longer in progress, or a failed operation in any status.
    private boolean finished(String name, String operationId, String status) {
        String operation = operationId == null ? null : rootCause.operationStatus(name, operationId);
        if ("FAILED".equals(operation)) {
            return true;
        }
        return SETTLED.contains(status) && !"IN_PROGRESS".equals(operation);
    }

    /** Waits until DescribeApplication answers ResourceNotFoundException. */
    void awaitGone(String name) {
        poll(name, GONE::equals);
    }

    private String poll(String name, java.util.function.Predicate<String> done) {
        return new Polling(timeout, Duration.ofMillis(200), listener).until("Managed Flink application " + name,
                () -> find(name).map(ApplicationDetail::applicationStatusAsString).orElse(GONE), done);
    }

    static FanoutException fail(String message) {
        return new FanoutException(message);
    }
}
