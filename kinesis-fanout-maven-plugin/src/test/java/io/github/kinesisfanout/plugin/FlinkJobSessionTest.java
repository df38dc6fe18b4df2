package io.github.kinesisfanout.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.operations.flink.RunningJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.AbstractExecutionListener;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.ExecutionEvent;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

/** The Flink job flink-start-local started is kept per session and stopped by flink-stop-local or at the end. */
class FlinkJobSessionTest {

    private final List<String> events = new ArrayList<>();

    @Test
    void stopStopsTheJobOnceAndForgetsIt() {
        MavenSession session = newSession();
        FakeJob job = new FakeJob("job-1");
        FlinkJobSession.keep(session, job, events::add);
        assertSame(job, FlinkJobSession.running(session).orElseThrow());

        assertSame(job, FlinkJobSession.stop(session).orElseThrow());
        assertFalse(job.isAlive());
        assertTrue(FlinkJobSession.running(session).isEmpty());
        assertTrue(FlinkJobSession.stop(session).isEmpty());
        assertEquals(List.of("stop job-1"), events);
    }

    @Test
    void aSecondJobInOneBuildIsRefused() {
        MavenSession session = newSession();
        FlinkJobSession.keep(session, new FakeJob("job-1"), events::add);
        assertThrows(IllegalStateException.class, () -> FlinkJobSession.keep(session, new FakeJob("job-2"), events::add));
        FlinkJobSession.stop(session);
    }

    @Test
    void aForgottenJobStopsAtTheSessionEndBeforeMavensOwnListener() {
        MavenSession session = newSession();
        FlinkJobSession.keep(session, new FakeJob("job-1"), events::add);

        session.getRequest().getExecutionListener().sessionEnded(null);

        assertEquals(List.of("stop job-1", "Flink job job-1 stopped at the end of the build (log: job.log)",
                "maven's own sessionEnded"), events);
        assertTrue(FlinkJobSession.running(session).isEmpty());
    }

    @SuppressWarnings("deprecation")
    private MavenSession newSession() {
        DefaultMavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setExecutionListener(new AbstractExecutionListener() {
            @Override
            public void sessionEnded(ExecutionEvent event) {
                events.add("maven's own sessionEnded");
            }
        });
        return new MavenSession(null, new DefaultRepositorySystemSession(), request, new DefaultMavenExecutionResult());
    }

    private final class FakeJob implements RunningJob {
        private final String id;
        private boolean alive = true;

        FakeJob(String id) {
            this.id = id;
        }

        @Override
        public String jobId() {
            return id;
        }

        @Override
        public Path logFile() {
            return Path.of("job.log");
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public java.util.Optional<String> failure() {
            return java.util.Optional.empty();
        }

        @Override
        public void stop() {
            alive = false;
            events.add("stop " + id);
        }
    }
}
