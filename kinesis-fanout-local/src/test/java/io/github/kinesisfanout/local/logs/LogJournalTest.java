package io.github.kinesisfanout.local.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kinesisfanout.local.storage.Frames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction of the CloudWatch Logs journal: what it keeps, and a crash between its rename and its deletions. */
class LogJournalTest {

    private static final String SCOPE = "000000000000/us-east-1";

    @TempDir
    Path dir;

    @Test
    void compactionKeepsWhatIsThereAndMakesOlderSegmentsIrrelevant() throws Exception {
        long now = 1_700_000_000_000L;
        LogStore store = new LogStore();
        try (LogJournal journal = LogJournal.open(dir, store, MessageSpill.none())) {
            journal.record(LogJournal.entry("group", SCOPE, "/kept").put("arn", "arn:kept").put("time", 1), true);
            journal.record(LogJournal.entry("retention", SCOPE, "/kept").put("days", 1), true);
            journal.record(LogJournal.entry("stream", SCOPE, "/kept").put("stream", "s").put("time", 2), true);
            // Two events a day and more old (expired at now), two recent.
            journal.record(LogJournal.events(SCOPE, "/kept", "s", 0, List.of(new LogEvent(now - 2 * LogGroup.DAY_MILLIS, "old1", 3),
                    new LogEvent(now - 2 * LogGroup.DAY_MILLIS, "old2", 3))), true);
            journal.record(LogJournal.events(SCOPE, "/kept", "s", 2, List.of(new LogEvent(now - 1000, "new1", 4),
                    new LogEvent(now - 500, "new2", 4))), true);
            journal.record(LogJournal.entry("group", SCOPE, "/gone").put("arn", "arn:gone").put("time", 5), true);
            journal.record(LogJournal.entry("deleteGroup", SCOPE, "/gone"), true);
            journal.compact(now);
            // After the compaction: appends go on, continuing the stream's count (4 events ever).
            journal.record(LogJournal.events(SCOPE, "/kept", "s", 4, List.of(new LogEvent(now, "new3", 6))), true);
        }
        // A crash between the rename and the deletions would leave an older segment: its group must not come back.
        Files.write(dir.resolve(String.format("segment-%020d.log", 0)), Frames.encode(List.of(ByteBuffer.wrap(
                LogJournal.entry("group", SCOPE, "/stale").put("arn", "arn:stale").put("time", 0).toString()
                        .getBytes(StandardCharsets.UTF_8)))).array());
        LogStore reopened = new LogStore();
        try (LogJournal journal = LogJournal.open(dir, reopened, MessageSpill.none())) {
            assertEquals(Set.of("/kept"), reopened.groups(SCOPE).keySet());
            LogGroup kept = reopened.groups(SCOPE).get("/kept");
            assertEquals(1, kept.retentionInDays);
            LogStream stream = kept.streams.get("s");
            assertEquals(List.of("new1", "new2", "new3"), stream.events(MessageSpill.none().reader()).stream().map(LogEvent::message).toList());
            assertEquals(5, stream.sequence(), "every event ever appended is counted, the expired ones too");
        }
    }
}
