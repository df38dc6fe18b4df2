package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import java.io.IOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

/** The running local cloud is kept per Maven session and stopped by stop-local or at the session's end. */
class LocalCloudSessionIT {

    private final List<String> log = new ArrayList<>();

    @SuppressWarnings("deprecation")
    private static MavenSession newSession(List<String> events) {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setExecutionListener(new AbstractExecutionListener() {
            @Override
            public void sessionEnded(ExecutionEvent event) {
                events.add("maven's own sessionEnded");
            }
        });
        return new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
    }

    private LocalCloudSession.Started start(MavenSession session) {
        return LocalCloudSession.startIfAbsent(session, () -> LocalCloud.builder().port(0).build().start(), log::add);
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.getResponseCode();
            return true;
        } catch (ConnectException refused) {
            return false;
        } catch (IOException other) {
            return true;
        }
    }

    @Test
    void secondStartReusesTheRunningCloudAndStopStopsIt() {
        MavenSession session = newSession(log);
        LocalCloudSession.Started first = start(session);
        LocalCloudSession.Started second = start(session);
        assertTrue(first.isNew());
        assertFalse(second.isNew());
        assertSame(first.cloud(), second.cloud());
        assertSame(first.cloud(), LocalCloudSession.running(session).orElseThrow());
        URI endpoint = first.cloud().endpoint();
        assertTrue(answers(endpoint));

        assertEquals(endpoint, LocalCloudSession.stop(session).orElseThrow());
        assertTrue(LocalCloudSession.running(session).isEmpty());
        assertTrue(LocalCloudSession.stop(session).isEmpty());
        assertFalse(answers(endpoint));
    }

    @Test
    void twoSessionsHaveTwoClouds() {
        MavenSession one = newSession(log);
        MavenSession two = newSession(log);
        LocalCloud a = start(one).cloud();
        LocalCloud b = start(two).cloud();
        try {
            assertFalse(a.endpoint().equals(b.endpoint()));
            LocalCloudSession.stop(one);
            assertSame(b, LocalCloudSession.running(two).orElseThrow());
        } finally {
            LocalCloudSession.stop(two);
        }
    }

    @Test
    void theEndOfTheSessionStopsACloudLeftRunning() {
        MavenSession session = newSession(log);
        URI endpoint = start(session).cloud().endpoint();
        session.getRequest().getExecutionListener().sessionEnded(null);
        assertTrue(LocalCloudSession.running(session).isEmpty());
        assertFalse(answers(endpoint));
        assertEquals(List.of("Local cloud on " + endpoint + " stopped at the end of the build",
                "maven's own sessionEnded"), log);
    }

    @Test
    void aFailedStartLeavesNothingRunning() {
        MavenSession session = newSession(log);
        assertThrows(IllegalStateException.class, () -> LocalCloudSession.startIfAbsent(session, () -> {
            throw new IllegalStateException("no port");
        }, log::add));
        assertTrue(LocalCloudSession.running(session).isEmpty());
    }
}
