package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to an application's CloudWatch logging options: the job's own log lines as they are, and
 * the service's events (start, stop, failure with its cause) as Managed Flink's JSON log records.
 */
final class ApplicationLogs {

    private final LogSink sink;

    ApplicationLogs(LogSink sink) {
        this.sink = sink;
    }

    /** A service event, e.g. why a start failed, as {@code {"applicationARN", ..., "message", "messageType"}}. */
    void event(FlinkApplication app, String messageType, String message) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        List<ObjectNode> options;
        synchronized (app) {
            record.put("applicationARN", app.arn);
            record.put("applicationVersionId", String.valueOf(app.versionId));
            options = new ArrayList<>(app.loggingOptions);
        }
        record.put("locationInformation", "kinesis-fanout local cloud");
        record.put("logger", "ManagedServiceForApacheFlink");
        record.put("message", message);
        record.put("messageSchemaVersion", "1");
        record.put("messageType", messageType);
        write(app, options, List.of(record.toString()));
    }

    /** Raw lines to every logging option of the application. */
    void lines(FlinkApplication app, List<String> lines) {
        List<ObjectNode> options;
        synchronized (app) {
            options = new ArrayList<>(app.loggingOptions);
        }
        write(app, options, lines);
    }

    private void write(FlinkApplication app, List<ObjectNode> options, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        for (ObjectNode option : options) {
            String arn = option.path("LogStreamARN").asText();
            int group = arn.indexOf(":log-group:");
            int stream = arn.indexOf(":log-stream:");
            if (group < 0 || stream < group) {
                continue;
            }
            sink.append(app.accountId, app.region, arn.substring(group + ":log-group:".length(), stream),
                    arn.substring(stream + ":log-stream:".length()), lines);
        }
    }
}
