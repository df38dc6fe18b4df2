package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import java.util.regex.Pattern;

/** Validates an {@code Output} member into an {@link ApplicationOutput}. */
final class OutputParser {

    static final Pattern FORMAT = Pattern.compile("JSON|CSV");

    private OutputParser() {
    }

    static ApplicationOutput parse(JsonNode output, String id, String path) {
        String name = MEMBERS.required(output, "Name", path + ".name", 1, 32, null);
        String destination = MEMBERS.exactlyOne(output, "Output", ApplicationOutput.KINESIS,
                ApplicationOutput.FIREHOSE, ApplicationOutput.LAMBDA);
        String member = Character.toLowerCase(destination.charAt(0)) + destination.substring(1);
        ObjectNode target = MEMBERS.object(output, destination, path + "." + member);
        String resourceArn = MEMBERS.required(target, "ResourceARN", path + "." + member + ".resourceARN", 1, 2048, Members.ARN);
        String roleArn = MEMBERS.required(target, "RoleARN", path + "." + member + ".roleARN", 1, 2048, Members.ROLE_ARN);
        ObjectNode schema = MEMBERS.object(output, "DestinationSchema", path + ".destinationSchema");
        String format = MEMBERS.required(schema, "RecordFormatType", path + ".destinationSchema.recordFormatType", 1, 4, FORMAT);
        return new ApplicationOutput(id, name, destination, resourceArn, roleArn, format);
    }
}
