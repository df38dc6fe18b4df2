package io.github.kinesisfanout.local.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.MutableClock;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * A log group's retention: once the clock passes an event's timestamp plus retentionInDays, neither
 * GetLogEvents nor FilterLogEvents returns it, and after a sweep it is gone for good, across restarts.
 */
class LogRetentionIT {

    @TempDir
    Path dir;

    @Test
    void eventsPastTheRetentionAreNoLongerRead() {
        MutableClock clock = new MutableClock();
        long t0;
        try (LocalCloud cloud = LocalCloud.builder().clock(clock).dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            logs.createLogGroup(c -> c.logGroupName("/app"));
            logs.createLogGroup(c -> c.logGroupName("/forever"));
            logs.putRetentionPolicy(p -> p.logGroupName("/app").retentionInDays(1));
            logs.createLogStream(c -> c.logGroupName("/app").logStreamName("s"));
            logs.createLogStream(c -> c.logGroupName("/forever").logStreamName("s"));
            t0 = clock.millis();
            logs.putLogEvents(p -> p.logGroupName("/app").logStreamName("s")
                    .logEvents(e -> e.timestamp(t0 - Duration.ofHours(1).toMillis()).message("older"),
                            e -> e.timestamp(t0).message("newer")));
            logs.putLogEvents(p -> p.logGroupName("/forever").logStreamName("s")
                    .logEvents(e -> e.timestamp(t0 - Duration.ofHours(1).toMillis()).message("kept")));
            assertEquals(List.of("older", "newer"), read(logs, "/app"));

            // retentionInDays 1 = 86,400,000 ms: at t0 + 23.5 h the event of t0 - 1 h is past it, the one of t0 not.
            clock.advance(Duration.ofMinutes(23 * 60 + 30));
            assertEquals(List.of("newer"), read(logs, "/app"));
            assertEquals(List.of("newer"), filter(logs, "/app"));
            assertEquals(List.of("kept"), read(logs, "/forever"), "a group without retention keeps its events");

            // At t0 + 24.5 h both are past it.
            clock.advance(Duration.ofHours(1));
            assertEquals(List.of(), read(logs, "/app"));
            assertEquals(List.of(), filter(logs, "/app"));

            // Once swept, removing the retention does not bring them back.
            cloud.services().service(LogsService.class).maintain();
            logs.deleteRetentionPolicy(d -> d.logGroupName("/app"));
            assertEquals(List.of(), read(logs, "/app"));
            assertEquals(0L, logs.describeLogStreams(d -> d.logGroupName("/app")).logStreams().get(0).storedBytes());
        }
        try (LocalCloud cloud = LocalCloud.builder().clock(clock).dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            // The sweep's drop is in the journal: the events stay gone, though the group has no retention any more.
            assertEquals(List.of(), read(logs, "/app"));
            assertEquals(List.of("kept"), read(logs, "/forever"));
            logs.putLogEvents(p -> p.logGroupName("/app").logStreamName("s")
                    .logEvents(e -> e.timestamp(clock.millis()).message("after")));
            assertEquals(List.of("after"), read(logs, "/app"));
        }
    }

    static List<String> read(CloudWatchLogsClient logs, String group) {
        return logs.getLogEvents(g -> g.logGroupName(group).logStreamName("s").startFromHead(true)).events().stream()
                .map(OutputLogEvent::message).toList();
    }

    private static List<String> filter(CloudWatchLogsClient logs, String group) {
        return logs.filterLogEvents(f -> f.logGroupName(group)).events().stream().map(FilteredLogEvent::message).toList();
    }
}
