package io.github.kinesisfanout.operations.managedflink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.kinesisanalyticsv2.KinesisAnalyticsV2Client;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationOperationInfo;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.ApplicationOperationInfoDetails;
import software.amazon.awssdk.services.kinesisanalyticsv2.model.CloudWatchLoggingOptionDescription;

/**
 * Why an operation of an application failed, as Managed Flink tells it: the operation's
 * {@code OperationFailureDetails.ErrorInfo.ErrorString} (DescribeApplicationOperation; the newest
 * failed one from ListApplicationOperations when the call gave no id) and the last lines of the
 * application's CloudWatch log stream when it has a logging option.
 */
public final class RootCause {

    /** How many lines of the application's log a failure shows. */
    static final int LOG_LINES = 15;

    private final KinesisAnalyticsV2Client client;
    private final Supplier<CloudWatchLogsClient> logs;

    /** @param logs opens a CloudWatch Logs client, only when an application has a logging option */
    public RootCause(KinesisAnalyticsV2Client client, Supplier<CloudWatchLogsClient> logs) {
        this.client = client;
        this.logs = logs;
    }

    /** IN_PROGRESS, SUCCESSFUL, FAILED or CANCELLED; null when the service cannot tell. */
    String operationStatus(String name, String operationId) {
        try {
            return details(name, operationId).operationStatusAsString();
        } catch (AwsServiceException | SdkClientException e) {
            return null;
        }
    }

    /** The operation's error, then the log lines; never empty. */
    String explain(ApplicationDetail app, String operationId) {
        List<String> parts = new ArrayList<>();
        String error = operationError(app.applicationName(), operationId);
        if (error != null) {
            parts.add(error);
        }
        List<String> lines = logLines(app);
        if (!lines.isEmpty()) {
            parts.add("last lines of the application log:\n    " + String.join("\n    ", lines));
        } else if (!app.hasCloudWatchLoggingOptionDescriptions() || app.cloudWatchLoggingOptionDescriptions().isEmpty()) {
            parts.add("the application has no CloudWatch logging option, so its own log lines cannot be shown"
                    + " (set <logStreamArn>, -Dfanout.flink.logStreamArn=ARN)");
        }
        return parts.isEmpty() ? "the service gave no reason" : String.join("; ", parts);
    }

    private ApplicationOperationInfoDetails details(String name, String operationId) {
        return client.describeApplicationOperation(r -> r.applicationName(name).operationId(operationId))
                .applicationOperationInfoDetails();
    }

    private String operationError(String name, String operationId) {
        try {
            String id = operationId;
            if (id == null) {
                id = client.listApplicationOperations(r -> r.applicationName(name)).applicationOperationInfoList()
                        .stream().filter(o -> "FAILED".equals(o.operationStatusAsString()))
                        .map(ApplicationOperationInfo::operationId).reduce((first, last) -> last).orElse(null);
            }
            if (id == null) {
                return null;
            }
            ApplicationOperationInfoDetails details = details(name, id);
            if (details.operationFailureDetails() == null || details.operationFailureDetails().errorInfo() == null) {
                return null;
            }
            return details.operation() + " " + details.operationStatusAsString() + ": "
                    + details.operationFailureDetails().errorInfo().errorString();
        } catch (AwsServiceException | SdkClientException e) {
            return "the operation's failure details could not be read (" + e.getMessage() + ")";
        }
    }

    private List<String> logLines(ApplicationDetail app) {
        List<String> lines = new ArrayList<>();
        if (!app.hasCloudWatchLoggingOptionDescriptions()) {
            return lines;
        }
        for (CloudWatchLoggingOptionDescription option : app.cloudWatchLoggingOptionDescriptions()) {
            LogStream stream = LogStream.parse(option.logStreamARN());
            if (stream == null) {
                continue;
            }
            try (CloudWatchLogsClient cloudWatch = logs.get()) {
                for (OutputLogEvent event : cloudWatch.getLogEvents(r -> r.logGroupName(stream.group())
                        .logStreamName(stream.stream()).limit(LOG_LINES).startFromHead(false)).events()) {
                    lines.add(event.message().strip());
                }
            } catch (AwsServiceException | SdkClientException e) {
                lines.add("(log stream " + option.logStreamARN() + " could not be read: " + e.getMessage() + ")");
            }
        }
        return lines;
    }

    /** A log group and stream from {@code arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:log-stream:STREAM}. */
    record LogStream(String group, String stream) {

        static LogStream parse(String arn) {
            if (arn == null) {
                return null;
            }
            int group = arn.indexOf(":log-group:");
            int stream = arn.indexOf(":log-stream:");
            if (group < 0 || stream < group) {
                return null;
            }
            return new LogStream(arn.substring(group + ":log-group:".length(), stream),
                    arn.substring(stream + ":log-stream:".length()));
        }
    }
}
