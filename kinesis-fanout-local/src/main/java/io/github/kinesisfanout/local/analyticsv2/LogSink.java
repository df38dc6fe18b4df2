package io.github.kinesisfanout.local.analyticsv2;

import java.util.List;

/** Appends messages to a CloudWatch Logs stream (the local Logs service in a local cloud). */
@FunctionalInterface
public interface LogSink {

    void append(String accountId, String region, String logGroup, String logStream, List<String> messages);
}
