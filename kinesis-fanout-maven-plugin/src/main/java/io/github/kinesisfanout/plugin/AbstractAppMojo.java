package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.app.AnalyticsApps;
import io.github.kinesisfanout.operations.managedflink.ManagedFlinkApps;
import io.github.kinesisfanout.operations.managedflink.RootCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;

/**
 * The parameters and clients every application goal shares: the application name and the engine
 * (Kinesis Analytics for SQL, or Managed Service for Apache Flink through kinesisanalyticsv2).
 */
public abstract class AbstractAppMojo extends AbstractFanoutMojo {

    /** The application, e.g. fanout-demo. */
    @Parameter(property = "fanout.applicationName")
    protected String applicationName;

    /**
     * Where the application runs: sql (the Kinesis Analytics for SQL API, retired on AWS) or flink
     * (the application translated to Flink SQL, on Managed Service for Apache Flink).
     */
    @Parameter(property = "fanout.engine", defaultValue = "sql")
    protected String engine;

    /** The application name, or the fix-it failure when unset. */
    protected final String applicationName() {
        return require(applicationName, "applicationName", "NAME");
    }

    /** True for engine=flink, false for engine=sql; the fix-it failure for anything else. */
    protected final boolean flinkEngine() {
        String value = engine == null ? "sql" : engine.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("sql") && !value.equals("flink")) {
            throw HelpfulSuggestions.invalidParameter("engine", PropertyNames.ENGINE, engine, "it must be sql or flink");
        }
        return value.equals("flink");
    }

    @Override
    protected String endpointServiceName() {
        return flinkEngine() ? "KINESIS_ANALYTICS_V2" : "KINESIS_ANALYTICS";
    }

    /** The Kinesis Analytics for SQL calls, waits bounded by waitTimeout, progress in the build log. */
    protected final AnalyticsApps apps() {
        return new AnalyticsApps(clients().client(KinesisAnalyticsClient.builder()), listener(), waitTimeoutDuration(),
                isRealAws(), flinkCommand());
    }

    /** The Managed Flink calls, waits bounded by waitTimeout, failures explained from the operation and the log. */
    protected final ManagedFlinkApps managedFlinkApps() {
        KinesisAnalyticsV2Client client = clients().client(KinesisAnalyticsV2Client.builder());
        return new ManagedFlinkApps(client, new RootCause(client, () -> clients().client(CloudWatchLogsClient.builder())),
                listener(), waitTimeoutDuration());
    }

    /** This build's command line with -Dfanout.engine=flink, e.g. {@code mvn verify -Paws -Dfanout.engine=flink}. */
    private String flinkCommand() {
        List<String> words = new ArrayList<>();
        words.add("mvn");
        if (session != null && session.getRequest() != null) {
            words.addAll(session.getRequest().getGoals());
            List<String> profiles = session.getRequest().getActiveProfiles();
            if (profiles != null && !profiles.isEmpty()) {
                words.add("-P" + String.join(",", profiles));
            }
        }
        if (words.size() == 1) {
            words.add("kinesis-fanout:" + goalName());
        }
        words.add("-Dfanout.engine=flink");
        return String.join(" ", words);
    }
}
