package io.github.kinesisfanout.operations.managedflink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.analyticsv2.FlinkJob;
import io.github.kinesisfanout.local.analyticsv2.FlinkJobLauncher;
import io.github.kinesisfanout.local.analyticsv2.FlinkJobRequest;
import io.github.kinesisfanout.local.analyticsv2.FlinkLaunchException;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.flink.ContentHash;
import io.github.kinesisfanout.operations.flink.FlinkPackage;
import io.github.kinesisfanout.operations.flink.JobProperties;
import io.github.kinesisfanout.operations.stack.ArtifactUploader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;

/**
 * The engine=flink operations with the real SDK against an in-process local cloud whose Managed
 * Flink runs fake jobs (running at once, savepoints as marker directories, or failing with a set cause).
 */
class ManagedFlinkOperationsIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/fanout";
    private static final String LOG = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/kinesis-analytics/orders"
            + ":log-stream:kinesis-analytics-log-stream";

    @TempDir
    Path dir;

    private volatile String failWith;
    private LocalCloud cloud;
    private AwsClientFactory clients;
    private KinesisAnalyticsV2Client v2;
    private ManagedFlinkApps apps;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().port(0).statusTransitionDelay(Duration.ofMillis(50)).flinkJobLauncher(new Launcher())
                .build().start();
        clients = new AwsClientFactory(ClientSettings.local(cloud.endpoint()));
        v2 = clients.client(KinesisAnalyticsV2Client.builder());
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                progress.add(message);
            }

            @Override
            public void warn(String message) {
                progress.add(message);
            }

            @Override
            public void debug(String message) {
            }
        };
        apps = new ManagedFlinkApps(v2, new RootCause(v2, () -> clients.client(CloudWatchLogsClient.builder())), listener,
                Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        v2.close();
        cloud.close();
    }

    @Test
    void createsOnceThenNothingToDoThenUpdatesWithTheVersionId() throws IOException {
        FlinkPackage jar = jar("one");
        String created = create(jar, "orders-in", 60_000);
        assertTrue(created.startsWith("Created Managed Flink application orders ("), created);
        ApplicationDetail app = v2.describeApplication(r -> r.applicationName("orders")).applicationDetail();
        assertEquals("FLINK-1_19", app.runtimeEnvironmentAsString());
        assertEquals(ROLE, app.serviceExecutionRole());
        assertEquals("arn:aws:s3:::fanout-artifacts", app.applicationConfigurationDescription()
                .applicationCodeConfigurationDescription().codeContentDescription().s3ApplicationCodeLocationDescription()
                .bucketARN());
        assertEquals(jar.s3Key(), app.applicationConfigurationDescription().applicationCodeConfigurationDescription()
                .codeContentDescription().s3ApplicationCodeLocationDescription().fileKey());
        assertEquals(Map.of("aws.region", "us-east-1", "input.stream", "orders-in"), app.applicationConfigurationDescription()
                .environmentPropertyDescriptions().propertyGroupDescriptions().get(0).propertyMap());
        assertEquals(60_000L, app.applicationConfigurationDescription().flinkApplicationConfigurationDescription()
                .checkpointConfigurationDescription().checkpointInterval());
        assertEquals(true, app.applicationConfigurationDescription().applicationSnapshotConfigurationDescription()
                .snapshotsEnabled());
        assertEquals(1L, app.applicationVersionId());

        String same = create(jar, "orders-in", 60_000);
        assertEquals("Managed Flink application orders is up to date (version 1, jar " + jar.s3Key()
                + ", READY): nothing to do", same);

        // A running application: the update restarts it and it is RUNNING again at version 2.
        new ManagedFlinkLifecycle(apps).start("orders", ManagedFlinkLifecycle.LATEST, null, false);
        String updated = create(jar, "orders-in-v2", 30_000);
        assertEquals("Updated Managed Flink application orders to version 2: property groups, checkpointing (CUSTOM,"
                + " every 30000 ms) (RUNNING)", updated);
    }

    @Test
    void togglesThroughStartStopWithSnapshotAndRestoresFromIt() throws IOException {
        create(jar("one"), "orders-in", 60_000);
        ManagedFlinkLifecycle lifecycle = new ManagedFlinkLifecycle(apps);
        String first = lifecycle.toggle("orders", ManagedFlinkLifecycle.LATEST, null, false, false);
        assertTrue(first.startsWith("Application orders was READY: Started Managed Flink application orders without a"
                + " snapshot (it has none yet): RUNNING after "), first);
        String second = lifecycle.toggle("orders", ManagedFlinkLifecycle.LATEST, null, false, false);
        assertTrue(second.startsWith("Application orders was RUNNING: Stopped Managed Flink application orders with"
                + " snapshot orders-"), second);
        String third = lifecycle.start("orders", ManagedFlinkLifecycle.LATEST, null, false);
        assertTrue(third.startsWith("Started Managed Flink application orders from its latest snapshot orders-"), third);
        assertEquals("Managed Flink application orders is already RUNNING: nothing to do",
                lifecycle.start("orders", ManagedFlinkLifecycle.LATEST, null, false));
        String forced = lifecycle.stop("orders", true);
        assertTrue(forced.startsWith("Stopped Managed Flink application orders without a snapshot (fanout.force=true)"),
                forced);
        assertEquals("Deleted Managed Flink application orders (was READY)", lifecycle.delete("orders", false));
        assertEquals("Managed Flink application orders does not exist: nothing to delete", lifecycle.delete("orders", false));
        FanoutException missing = assertThrows(FanoutException.class, () -> lifecycle.delete("orders", true));
        assertTrue(missing.getMessage().startsWith("Managed Flink application 'orders' does not exist"), missing.getMessage());
    }

    @Test
    void aJobThatFailsOnStartFailsTheGoalWithTheOperationErrorAndTheLog() throws IOException {
        create(jar("one"), "orders-in", 60_000);
        failWith = "Table 'orders-in' not found: no stream named orders-in";
        ManagedFlinkLifecycle lifecycle = new ManagedFlinkLifecycle(apps);
        FanoutException e = assertThrows(FanoutException.class,
                () -> lifecycle.start("orders", ManagedFlinkLifecycle.LATEST, null, false));
        assertTrue(e.getMessage().startsWith("StartApplication of Managed Flink application orders failed (now READY): "),
                e.getMessage());
        assertTrue(e.getMessage().contains("no stream named orders-in"), e.getMessage());
        assertTrue(e.getMessage().contains("last lines of the application log:"), e.getMessage());
        assertTrue(e.getMessage().contains("fake job failed: Table 'orders-in' not found"), e.getMessage());
    }

    @Test
    void aCustomSnapshotThatDoesNotExistIsNamed() throws IOException {
        create(jar("one"), "orders-in", 60_000);
        FanoutException e = assertThrows(FanoutException.class, () -> new ManagedFlinkLifecycle(apps)
                .start("orders", ManagedFlinkLifecycle.CUSTOM, "orders-1", false));
        assertTrue(e.getMessage().startsWith("Managed Flink application orders has no snapshot 'orders-1'"), e.getMessage());
    }

    private String create(FlinkPackage jar, String inputStream, long checkpointMillis) {
        Map<String, String> application = new LinkedHashMap<>();
        application.put("aws.region", "us-east-1");
        JobProperties properties = new JobProperties(application, Map.of("input.stream", inputStream));
        return new ManagedFlinkCreateOperation(apps, new ArtifactUploader(clients, ProgressListener.NONE))
                .run(new ManagedFlinkCreateRequest("orders", null, "FLINK-1_19", ROLE, jar, properties, "fanout-artifacts",
                        checkpointMillis, 1, 1, false, LOG));
    }

    private FlinkPackage jar(String content) throws IOException {
        Path jar = dir.resolve("application.jar");
        Files.writeString(jar, content);
        return new FlinkPackage(dir.resolve("application.sql"), jar, dir.resolve("application.properties.json"),
                ContentHash.sha256(jar));
    }

    /** Jobs that run nowhere: running at once (or failing with {@link #failWith}), savepoints as directories. */
    private final class Launcher implements FlinkJobLauncher {

        @Override
        public void checkRuntime(String flinkVersion) {
        }

        @Override
        public FlinkJob start(FlinkJobRequest request) {
            String failure = failWith;
            return new FlinkJob() {
                private volatile boolean alive = true;

                @Override
                public void awaitRunning(Duration timeout) {
                    if (failure != null) {
                        alive = false;
                        log(request, "fake job failed: " + failure);
                        throw new FlinkLaunchException(failure);
                    }
                }

                @Override
                public boolean isAlive() {
                    return alive;
                }

                @Override
                public Path logFile() {
                    return request.logFile();
                }

                @Override
                public Optional<String> stopWithSavepoint(Path directory, Duration timeout) {
                    alive = false;
                    try {
                        Path savepoint = Files.createDirectories(directory.resolve("savepoint-" + System.nanoTime()));
                        Files.writeString(savepoint.resolve("_metadata"), "fake");
                        return Optional.of(savepoint.toString());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }

                @Override
                public void stop(Duration timeout) {
                    alive = false;
                }
            };
        }

        private void log(FlinkJobRequest request, String line) {
            try {
                Files.writeString(request.logFile(), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
