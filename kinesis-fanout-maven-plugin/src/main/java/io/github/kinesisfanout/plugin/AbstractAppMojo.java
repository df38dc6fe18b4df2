package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.operations.app.AnalyticsApps;
import org.apache.maven.plugins.annotations.Parameter;
import software.amazon.awssdk.services.kinesisanalytics.KinesisAnalyticsClient;

/** The parameter and the client every Kinesis Analytics application goal shares. */
public abstract class AbstractAppMojo extends AbstractFanoutMojo {

    /** The Kinesis Analytics application, e.g. fanout-demo (the Flink goals do not use it yet). */
    @Parameter(property = "fanout.applicationName")
    protected String applicationName;

    /** The application name, or the fix-it failure when unset. */
    protected final String applicationName() {
        return require(applicationName, "applicationName", "NAME");
    }

    /** The application calls, waits bounded by waitTimeout, progress in the build log. */
    protected final AnalyticsApps apps() {
        return new AnalyticsApps(clients().client(KinesisAnalyticsClient.builder()), listener(), waitTimeoutDuration(),
                isRealAws());
    }

    /** True when the calls go to AWS itself: no endpoint override and none of the SDK's endpoint variables. */
    private boolean isRealAws() {
        return clientSettings().endpoint() == null && System.getenv("AWS_ENDPOINT_URL") == null
                && System.getenv("AWS_ENDPOINT_URL_KINESIS_ANALYTICS") == null;
    }
}
