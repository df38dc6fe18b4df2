package io.github.kinesisfanout.operations.verify;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Counts the log lines a consumer function wrote for its records, in its log group
 * {@code /aws/lambda/NAME} (where Lambda sends a function's output). Lines are matched by a
 * marker in their text rather than by a filter pattern, so any CloudWatch Logs endpoint will do.
 */
final class ConsumerLogCounter {

    private final CloudWatchLogsClient logs;

    ConsumerLogCounter(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    /**
     * @param functionName the Lambda function
     * @param marker text each record's line contains, e.g. {@code POSITIVE_TRANSACTIONS ID=}
     * @param sinceMillis ignore events older than this (epoch milliseconds)
     * @return the lines containing the marker; 0 while the function has not logged yet
     */
    int count(String functionName, String marker, long sinceMillis) {
        int count = 0;
        try {
            for (FilteredLogEvent event : logs.filterLogEventsPaginator(b -> b
                    .logGroupName("/aws/lambda/" + functionName).startTime(sinceMillis)).events()) {
                if (event.message() != null && event.message().contains(marker)) {
                    count++;
                }
            }
        } catch (ResourceNotFoundException e) {
            return 0; // Lambda creates the group on the function's first invocation.
        }
        return count;
    }
}
