package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Valid requests for every CloudWatch Logs operation the local cloud implements, plus a few that fail. */
final class LogsFlow {

    private LogsFlow() {
    }

    static void run(CloudWatchLogsClient logs) {
        logs.createLogGroup(r -> r.logGroupName("/conform"));
        logs.createLogStream(r -> r.logGroupName("/conform").logStreamName("s"));
        long now = System.currentTimeMillis();
        logs.putLogEvents(r -> r.logGroupName("/conform").logStreamName("s").logEvents(
                InputLogEvent.builder().timestamp(now).message("ERROR one").build(),
                InputLogEvent.builder().timestamp(now).message("fine").build()));
        logs.getLogEvents(r -> r.logGroupName("/conform").logStreamName("s").startFromHead(true));
        logs.filterLogEvents(r -> r.logGroupName("/conform").filterPattern("ERROR"));
        logs.describeLogGroups(r -> r.logGroupNamePrefix("/conform"));
        logs.describeLogStreams(r -> r.logGroupName("/conform"));
        logs.putRetentionPolicy(r -> r.logGroupName("/conform").retentionInDays(7));
        logs.describeLogGroups(r -> r.logGroupNamePrefix("/conform"));
        logs.deleteRetentionPolicy(r -> r.logGroupName("/conform"));
        Clients.expectError(() -> logs.createLogGroup(r -> r.logGroupName("/conform")));
        Clients.expectError(() -> logs.getLogEvents(r -> r.logGroupName("/missing").logStreamName("s")));
        Clients.expectError(() -> logs.describeMetricFilters(r -> r.logGroupName("/conform")));
        logs.deleteLogStream(r -> r.logGroupName("/conform").logStreamName("s"));
        logs.deleteLogGroup(r -> r.logGroupName("/conform"));
    }
}
