package io.github.kinesisfanout.local.logs;

import java.util.concurrent.ConcurrentSkipListMap;

/** One log group: its streams by name (sorted, as DescribeLogStreams lists them) and retention. */
final class LogGroup {

    final String name;
    final String arn;
    final long creationTime;
    final ConcurrentSkipListMap<String, LogStream> streams = new ConcurrentSkipListMap<>();
    volatile Integer retentionInDays;

    LogGroup(String name, String arn, long creationTime) {
        this.name = name;
        this.arn = arn;
        this.creationTime = creationTime;
    }
}
