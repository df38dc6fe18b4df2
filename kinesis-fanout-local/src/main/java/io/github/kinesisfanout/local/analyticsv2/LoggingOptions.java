package io.github.kinesisfanout.local.analyticsv2;

import static io.github.kinesisfanout.local.analyticsv2.FlinkErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import java.util.regex.Pattern;

/** Reads a CloudWatchLoggingOption: a log stream ARN ({@code ...:log-group:G:log-stream:S}) and an optional role. */
final class LoggingOptions {

    private static final Pattern LOG_STREAM_ARN = Pattern.compile("arn:aws[a-z-]*:logs:[^:]+:\\d{12}:log-group:[^:]+:log-stream:.+");

    private LoggingOptions() {
    }

    /** The CloudWatchLoggingOptionDescription of an option, with the given id. */
    static ObjectNode parse(JsonNode option, String id, String path) {
        String arn = MEMBERS.required(option, "LogStreamARN", path + ".logStreamARN", 1, 2048, Members.ARN);
        check(arn);
        ObjectNode parsed = JsonNodeFactory.instance.objectNode();
        parsed.put("CloudWatchLoggingOptionId", id);
        parsed.put("LogStreamARN", arn);
        String role = MEMBERS.optional(option, "RoleARN", path + ".roleARN", 1, 2048, Members.ARN);
        if (role != null) {
            parsed.put("RoleARN", role);
        }
        return parsed;
    }

    static void check(String arn) {
        if (!LOG_STREAM_ARN.matcher(arn).matches()) {
            throw FlinkErrors.INVALID_ARGUMENT.error("LogStreamARN " + arn + " is not a log stream ARN"
                    + " (arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:log-stream:STREAM).");
        }
    }
}
