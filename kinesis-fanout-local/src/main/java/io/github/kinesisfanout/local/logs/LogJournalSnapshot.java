package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entries of a compacted CloudWatch Logs journal: a {@code reset}, then per group its creation and
 * retention, per stream its creation (with the count of events it had before its first kept one) and
 * its kept events in batches.
 */
final class LogJournalSnapshot {

    /** Events per batch entry, so no entry nears the frame limit. */
    private static final int BATCH_EVENTS = 1_000;

    private LogJournalSnapshot() {
    }

    static List<ObjectNode> entries(LogStore store, MessageSpill messages) {
        MessageSpill.Reader reader = messages.reader();
        List<ObjectNode> entries = new ArrayList<>();
        entries.add(LogJournal.entry("reset", null, null));
        for (Map.Entry<String, ? extends Map<String, LogGroup>> scope : store.scopes().entrySet()) {
            for (LogGroup group : scope.getValue().values()) {
                entries.add(LogJournal.entry("group", scope.getKey(), group.name).put("arn", group.arn)
                        .put("time", group.creationTime));
                if (group.retentionInDays != null) {
                    entries.add(LogJournal.entry("retention", scope.getKey(), group.name)
                            .put("days", group.retentionInDays));
                }
                for (LogStream stream : group.streams.values()) {
                    List<LogEvent> events = stream.events(reader);
                    long first = stream.sequence() - events.size();
                    entries.add(LogJournal.entry("stream", scope.getKey(), group.name).put("stream", stream.name)
                            .put("time", stream.creationTime).put("sequence", first));
                    for (int i = 0; i < events.size(); i += BATCH_EVENTS) {
                        entries.add(LogJournal.events(scope.getKey(), group.name, stream.name, first + i,
                                events.subList(i, Math.min(events.size(), i + BATCH_EVENTS))));
                    }
                }
            }
        }
        return entries;
    }
}
