package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.ClientSettings;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.HelpfulSuggestions;
import java.net.ConnectException;
import java.net.URI;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;

/** The shared settings and the error translation of every goal. */
class AbstractFanoutMojoTest {

    /** A goal whose work is the given action. */
    private static final class Goal extends AbstractFanoutMojo {
        Runnable action = () -> { };
        boolean ran;

        @Override
        protected String goalName() {
            return "test-goal";
        }

        @Override
        protected void run() {
            ran = true;
            action.run();
        }
    }

    @SuppressWarnings("deprecation")
    private static Goal goal() {
        Goal goal = new Goal();
        goal.session = new MavenSession(null, new DefaultRepositorySystemSession(), new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
        goal.waitTimeout = 300;
        return goal;
    }

    @Test
    void skipDoesNothing() throws Exception {
        Goal goal = goal();
        goal.skip = true;
        goal.execute();
        assertFalse(goal.ran);
    }

    @Test
    void fixableProblemsFailTheBuildWithTheirMessage() {
        Goal goal = goal();
        goal.action = () -> {
            throw HelpfulSuggestions.missingParameter("streamName", "fanout.streamName", "NAME");
        };
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("<streamName> is not set: add it to the plugin configuration or pass -Dfanout.streamName=NAME",
                e.getMessage());
    }

    @Test
    void awsErrorsKeepTheirCodeAndRequestId() {
        Goal goal = goal();
        goal.action = () -> {
            throw (ResourceNotFoundException) ResourceNotFoundException.builder()
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                            .errorMessage("Stream Foo under account 000000000000 not found.").build())
                    .requestId("4a6c-req").statusCode(400).build();
        };
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertEquals("test-goal failed: ResourceNotFoundException: Stream Foo under account 000000000000 not found."
                + " (request id 4a6c-req)", e.getMessage());
    }

    @Test
    void anUnreachableEndpointSaysHowToStartTheLocalCloud() {
        Goal goal = goal();
        goal.endpoint = "http://127.0.0.1:1";
        goal.action = () -> {
            throw SdkClientException.builder().message("Unable to execute HTTP request: Connection refused")
                    .cause(new ConnectException("Connection refused")).build();
        };
        MojoFailureException e = assertThrows(MojoFailureException.class, goal::execute);
        assertTrue(e.getMessage().startsWith("Cannot reach http://127.0.0.1:1: Connection refused. Is the local cloud"
                + " running (kinesis-fanout:start-local"), e.getMessage());
    }

    @Test
    void unexpectedErrorsAreExecutionErrors() {
        Goal goal = goal();
        goal.action = () -> {
            throw new IllegalStateException("boom");
        };
        MojoExecutionException e = assertThrows(MojoExecutionException.class, goal::execute);
        assertTrue(e.getMessage().startsWith("test-goal failed unexpectedly: java.lang.IllegalStateException: boom"));
    }

    @Test
    void endpointResolution() {
        Goal goal = goal();
        ClientSettings none = goal.clientSettings();
        assertNull(none.endpoint());
        assertFalse(none.localCloud());

        goal.endpoint = "http://localhost:4566";
        assertEquals(URI.create("http://localhost:4566"), goal.clientSettings().endpoint());
        assertTrue(goal.clientSettings().localCloud());

        goal.endpoint = "https://kinesis.eu-west-1.amazonaws.com";
        assertFalse(goal.clientSettings().localCloud());

        goal.endpoint = "not a url";
        FanoutException e = assertThrows(FanoutException.class, goal::clientSettings);
        assertTrue(e.getMessage().startsWith("<endpoint> is 'not a url' but it must be a URL"), e.getMessage());
    }

    @Test
    void requireNamesTheParameterAndItsProperty() {
        FanoutException e = assertThrows(FanoutException.class, () -> AbstractFanoutMojo.require(" ", "applicationName", "NAME"));
        assertEquals("<applicationName> is not set: add it to the plugin configuration or pass"
                + " -Dfanout.applicationName=NAME", e.getMessage());
        assertEquals("x", AbstractFanoutMojo.require(" x ", "applicationName", "NAME"));
    }
}
