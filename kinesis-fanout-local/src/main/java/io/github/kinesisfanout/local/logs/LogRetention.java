package io.github.kinesisfanout.local.logs;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Log groups' retention. An event expires when the clock passes its timestamp plus the group's
 * retentionInDays: from then on no read returns it. AWS marks such events for deletion and deletes them
 * within about 72 hours; here they leave memory at the next sweep and the journal at its next compaction.
 */
final class LogRetention {

    private LogRetention() {
    }

    /**
     * Drops every expired event of every group with a retention, and journals each drop (so a restart
     * does not bring them back, whatever the retention is then); returns how many.
     */
    static long dropExpired(LogStore store, long now, LogJournal journal) {
        long dropped = 0;
        for (Map.Entry<String, ConcurrentSkipListMap<String, LogGroup>> scope : store.scopes().entrySet()) {
            for (LogGroup group : scope.getValue().values()) {
                long cutoff = group.expiredBefore(now);
                if (cutoff == Long.MIN_VALUE) {
                    continue;
                }
                for (LogStream stream : group.streams.values()) {
                    synchronized (stream) {
                        int expired = stream.dropBefore(cutoff);
                        if (expired > 0) {
                            journal.record(LogJournal.entry("expire", scope.getKey(), group.name)
                                    .put("stream", stream.name).put("before", cutoff), false);
                        }
                        dropped += expired;
                    }
                }
            }
        }
        return dropped;
    }

    /** About how many bytes a compacted journal of the store would take: its events and a little per stream and group. */
    static long liveBytes(LogStore store) {
        long bytes = 0;
        for (Map<String, LogGroup> groups : store.scopes().values()) {
            for (LogGroup group : groups.values()) {
                bytes += 256;
                for (LogStream stream : group.streams.values()) {
                    bytes += 256 + stream.storedBytes();
                }
            }
        }
        return bytes;
    }
}
