package io.github.kinesisfanout.plugin;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.AwsErrors;
import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.operations.PropertyNames;
import io.github.kinesisfanout.operations.app.StackOutputs;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The parameters every goal shares (region, profile, endpoint, credentials, skip, wait timeout)
 * and the translation of operation errors into Maven's: a goal implements {@link #run()}.
 */
public abstract class AbstractFanoutMojo extends AbstractMojo {

    /** The project property start-local sets to the local cloud's endpoint, for later goals and plugins. */
    public static final String ENDPOINT_PROPERTY = PropertyNames.ENDPOINT;

    /** AWS region, e.g. us-east-1. Unset: the SDK's region chain (AWS_REGION, profile), or us-east-1 for a local cloud. */
    @Parameter(property = "fanout.region")
    protected String region;

    /** Named profile of ~/.aws/config and ~/.aws/credentials for credentials and region. */
    @Parameter(property = "fanout.profile")
    protected String profile;

    /**
     * Endpoint of every service, e.g. http://127.0.0.1:4566. Unset: the local cloud start-local
     * started earlier in this build, else the SDK's own resolution (AWS_ENDPOINT_URL,
     * AWS_ENDPOINT_URL_KINESIS, ..., then AWS itself).
     */
    @Parameter(property = "fanout.endpoint")
    protected String endpoint;

    /** Static access key id, for endpoints that need no real credentials; goes with secretKey. */
    @Parameter(property = "fanout.accessKey")
    protected String accessKey;

    /** Static secret access key; goes with accessKey. Unset for a local cloud: dummy credentials test/test. */
    @Parameter(property = "fanout.secretKey")
    protected String secretKey;

    /** Skips the goal. */
    @Parameter(property = "fanout.skip", defaultValue = "false")
    protected boolean skip;

    /** How long, in seconds, a goal waits for a resource to reach the state it needs (stream ACTIVE, ...). */
    @Parameter(property = "fanout.waitTimeout", defaultValue = "300")
    protected int waitTimeout;

    /** The build's session: holds the running local cloud. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The project the goal runs in. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    private AwsClientFactory clients;

    /** The goal's name, as in {@code kinesis-fanout:NAME}. */
    protected abstract String goalName();

    /**
     * The service whose endpoint a "cannot reach" message names, as in the SDK's
     * {@code AWS_ENDPOINT_URL_<SERVICE>} variable; a goal that talks to another service overrides it.
     */
    protected String endpointServiceName() {
        return "KINESIS";
    }

    /** Does the goal's work; throws {@link FanoutException} for what the user can fix. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping " + goalName() + ": fanout.skip is true");
            return;
        }
        try {
            run();
        } catch (FanoutException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (AwsServiceException e) {
            throw new MojoFailureException(goalName() + " failed: " + AwsErrors.describe(e), e);
        } catch (SdkClientException e) {
            throw new MojoFailureException(clientError(e), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(goalName() + " failed unexpectedly: " + e, e);
        }
    }

    /** The one factory of SDK clients for this goal's settings. */
    protected final AwsClientFactory clients() {
        if (clients == null) {
            clients = new AwsClientFactory(clientSettings());
        }
        return clients;
    }

    /** Region, profile, endpoint and credentials as this goal resolves them (see {@link #endpoint}). */
    protected ClientSettings clientSettings() {
        Optional<LocalCloud> running = LocalCloudSession.running(session);
        URI uri = null;
        if (endpoint != null && !endpoint.isBlank()) {
            uri = parseEndpoint(endpoint.trim());
        } else if (running.isPresent()) {
            uri = running.get().endpoint();
        }
        URI resolved = uri;
        boolean local = resolved != null && (ClientSettings.isLoopback(resolved)
                || running.map(cloud -> cloud.endpoint().equals(resolved)).orElse(false));
        return new ClientSettings(region, profile, resolved, accessKey, secretKey, local);
    }

    /** True when the calls go to AWS itself: no endpoint override and none of the SDK's endpoint variables. */
    protected final boolean isRealAws() {
        return clientSettings().endpoint() == null && System.getenv("AWS_ENDPOINT_URL") == null
                && System.getenv("AWS_ENDPOINT_URL_KINESIS_ANALYTICS") == null
                && System.getenv("AWS_ENDPOINT_URL_KINESIS_ANALYTICS_V2") == null;
    }

    /** The progress listener that writes to this goal's log. */
    protected final ProgressListener listener() {
        return new MavenProgressListener(getLog());
    }

    /** {@link #waitTimeout} as a duration. */
    protected final Duration waitTimeoutDuration() {
        if (waitTimeout <= 0) {
            throw HelpfulSuggestions.invalidParameter("waitTimeout", PropertyNames.WAIT_TIMEOUT, waitTimeout,
                    "it must be a positive number of seconds");
        }
        return Duration.ofSeconds(waitTimeout);
    }

    /**
     * The stack outputs deploy-stack left: the project's {@code fanout.output.*} properties (then
     * the given ones, such as the command line's) over the outputs file.
     */
    protected final StackOutputs stackOutputs(File file, Properties... more) {
        Map<String, String> properties = new HashMap<>();
        if (project != null) {
            project.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
        }
        for (Properties extra : more) {
            extra.forEach((k, v) -> properties.put(k.toString(), v.toString()));
        }
        return StackOutputs.load(properties, file == null ? null : file.toPath());
    }

    /** Fails with the fix-it message when a required parameter is unset. */
    protected static String require(String value, String name, String example) {
        if (value == null || value.isBlank()) {
            throw HelpfulSuggestions.missingParameter(name, "fanout." + name, example);
        }
        return value.trim();
    }

    private static URI parseEndpoint(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "expected scheme://host[:port]");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw HelpfulSuggestions.invalidParameter("endpoint", ENDPOINT_PROPERTY, value,
                    "it must be a URL such as http://127.0.0.1:4566");
        }
    }

    private String clientError(SdkClientException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return HelpfulSuggestions.endpointUnreachable(describeEndpoint(), t).getMessage();
            }
        }
        return goalName() + " failed: " + e.getMessage();
    }

    private String describeEndpoint() {
        try {
            return clients().describeEndpoint(endpointServiceName());
        } catch (RuntimeException e) {
            return endpoint != null ? endpoint : "the AWS endpoint";
        }
    }
}
