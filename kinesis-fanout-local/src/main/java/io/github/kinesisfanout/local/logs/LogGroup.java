package io.github.kinesisfanout.local.logs;

import java.util.concurrent.ConcurrentSkipListMap;

/** One log group: its streams by name (sorted, as DescribeLogStreams lists them) and retention. */
final class LogGroup {

    final String name;
    final String arn;
    final long creationTime;
    final ConcurrentSkipListMap<String, LogStream> streams = new ConcurrentSkipListMap<>();
    volatile Integer retentionInDays;

    /** A day, as retentionInDays counts them. */
    static final long DAY_MILLIS = 24L * 60 * 60 * 1000;

    /**
     * Events whose timestamp is before this have expired at {@code now} (Long.MIN_VALUE: none, the
     * group keeps its events forever).
     */
    long expiredBefore(long now) {
        Integer days = retentionInDays;
        return days == null ? Long.MIN_VALUE : now - days * DAY_MILLIS;
    }

    /** Lets go of the events of every stream (the group was deleted). */
    void discard() {
        streams.values().forEach(LogStream::discard);
    }

    LogGroup(String name, String arn, long creationTime) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
    }
}
