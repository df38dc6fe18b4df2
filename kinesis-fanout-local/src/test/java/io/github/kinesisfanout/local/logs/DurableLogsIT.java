package io.github.kinesisfanout.local.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/** Log groups, streams, retention and events survive a restart; a torn last entry is cut off, never served. */
class DurableLogsIT {

    @TempDir
    Path dir;

    @Test
    void groupsStreamsAndEventsComeBackAndATornTailIsCutOff() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            logs.createLogGroup(c -> c.logGroupName("/app"));
            logs.putRetentionPolicy(p -> p.logGroupName("/app").retentionInDays(7));
            logs.createLogStream(c -> c.logGroupName("/app").logStreamName("one"));
            logs.createLogStream(c -> c.logGroupName("/app").logStreamName("gone"));
            logs.deleteLogStream(d -> d.logGroupName("/app").logStreamName("gone"));
            long now = System.currentTimeMillis();
            logs.putLogEvents(p -> p.logGroupName("/app").logStreamName("one")
                    .logEvents(e -> e.timestamp(now).message("first"), e -> e.timestamp(now + 1).message("second")));
            logs.putLogEvents(p -> p.logGroupName("/app").logStreamName("one")
                    .logEvents(e -> e.timestamp(now + 2).message("third")));
            logs.createLogGroup(c -> c.logGroupName("/deleted"));
            logs.deleteLogGroup(d -> d.logGroupName("/deleted"));
        }
        // A crash in the middle of an append leaves a frame whose length runs past the end of the file.
        Path segment;
        try (var files = Files.list(dir.resolve("logs"))) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
        long intact = Files.size(segment);
        Files.write(segment, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, '{', '"'}, StandardOpenOption.APPEND);
        for (int restart = 0; restart < 2; restart++) {
            try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                    CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
                List<LogGroup> groups = logs.describeLogGroups().logGroups();
                assertEquals(List.of("/app"), groups.stream().map(LogGroup::logGroupName).toList());
                assertEquals(7, groups.get(0).retentionInDays());
                assertEquals(List.of("one"), logs.describeLogStreams(d -> d.logGroupName("/app")).logStreams()
                        .stream().map(LogStream::logStreamName).toList());
                assertEquals(List.of("first", "second", "third"), logs.getLogEvents(g -> g.logGroupName("/app")
                        .logStreamName("one").startFromHead(true)).events().stream().map(OutputLogEvent::message)
                        .toList());
            }
            assertEquals(intact, Files.size(segment), "the torn tail is truncated, the intact entries kept");
        }
    }

    @Test
    void compactionDropsDeletedGroupsAndTheRestSurvivesRestartsAndTornTails() throws Exception {
        String kilobyte = "x".repeat(1_000);
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            logs.createLogGroup(c -> c.logGroupName("/noisy"));
            logs.createLogStream(c -> c.logGroupName("/noisy").logStreamName("s"));
            long now = System.currentTimeMillis();
            for (int batch = 0; batch < 2; batch++) {
                List<InputLogEvent> events = new ArrayList<>();
                for (int i = 0; i < 1_000; i++) {
                    events.add(InputLogEvent.builder().timestamp(now).message(kilobyte).build());
                }
                logs.putLogEvents(p -> p.logGroupName("/noisy").logStreamName("s").logEvents(events));
            }
            logs.createLogGroup(c -> c.logGroupName("/kept"));
            logs.createLogStream(c -> c.logGroupName("/kept").logStreamName("s"));
            logs.putLogEvents(p -> p.logGroupName("/kept").logStreamName("s")
                    .logEvents(e -> e.timestamp(now).message("a"), e -> e.timestamp(now + 1).message("b")));
            logs.deleteLogGroup(d -> d.logGroupName("/noisy"));
        }
        // 2,000 events of 1,000 bytes are in the journal, all of them dead.
        long before = journalBytes();
        assertTrue(before > 2_000_000, before + " bytes");
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            long after = journalBytes();
            assertTrue(after < 2_000, "compacted at start to " + after + " bytes");
            assertEquals(List.of("/kept"), logs.describeLogGroups().logGroups().stream().map(LogGroup::logGroupName).toList());
            assertEquals(List.of("a", "b"), LogRetentionIT.read(logs, "/kept"));
            long now = System.currentTimeMillis();
            logs.putLogEvents(p -> p.logGroupName("/kept").logStreamName("s").logEvents(e -> e.timestamp(now).message("c")));
        }
        Path last;
        try (var files = Files.list(dir.resolve("logs"))) {
            last = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        long intact = Files.size(last);
        Files.write(last, new byte[] {0, 0, 1, 0, 7, 7, 7, 7, '{', '"'}, StandardOpenOption.APPEND);
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            assertEquals(intact, Files.size(last), "the torn tail is truncated, the intact entries kept");
            assertEquals(List.of("a", "b", "c"), LogRetentionIT.read(logs, "/kept"));
            logs.putLogEvents(p -> p.logGroupName("/kept").logStreamName("s")
                    .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("d")));
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                CloudWatchLogsClient logs = SdkClients.client(CloudWatchLogsClient.builder(), cloud.endpoint())) {
            // Each batch applied once over the compacted stream, whose count of earlier events was kept.
            assertEquals(List.of("a", "b", "c", "d"), LogRetentionIT.read(logs, "/kept"));
        }
    }

    private long journalBytes() throws java.io.IOException {
        try (var files = Files.list(dir.resolve("logs"))) {
            long total = 0;
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }
}
