package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;

/**
 * Applies an {@code ApplicationUpdate} to a configuration: code, input, output, reference data
 * source and logging option updates, each naming its target by id (ResourceNotFoundException when
 * it does not exist). The "…Update" members use the model's {@code ResourceARNUpdate} naming.
 */
final class ApplicationUpdates {

    private ApplicationUpdates() {
    }

    static ApplicationConfig apply(ApplicationConfig config, ObjectNode update) {
        String code = MEMBERS.optional(update, "ApplicationCodeUpdate", "applicationUpdate.applicationCodeUpdate",
                0, 102_400, null);
        ApplicationConfig next = code == null ? config : config.withCode(code);
        for (JsonNode inputUpdate : MEMBERS.list(update, "InputUpdates", "applicationUpdate.inputUpdates", 0, 1000)) {
            next = InputUpdates.apply(next, inputUpdate);
        }
        for (JsonNode outputUpdate : MEMBERS.list(update, "OutputUpdates", "applicationUpdate.outputUpdates", 0, 1000)) {
            next = applyOutput(next, outputUpdate);
        }
        for (JsonNode refUpdate : MEMBERS.list(update, "ReferenceDataSourceUpdates",
                "applicationUpdate.referenceDataSourceUpdates", 0, 1000)) {
            next = applyReference(next, refUpdate);
        }
        for (JsonNode logUpdate : MEMBERS.list(update, "CloudWatchLoggingOptionUpdates",
                "applicationUpdate.cloudWatchLoggingOptionUpdates", 0, 1000)) {
            next = applyLogging(next, logUpdate);
        }
        return next;
    }

    private static ApplicationConfig applyOutput(ApplicationConfig config, JsonNode update) {
        String path = "applicationUpdate.outputUpdates.outputUpdate";
        String id = MEMBERS.required(update, "OutputId", path + ".outputId", 1, 50, Members.NAME);
        ApplicationOutput current = config.outputs().stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> AnalyticsErrors.INVALID_ARGUMENT.error("Output " + id + " does not exist."));
        String name = orElse(MEMBERS.optional(update, "NameUpdate", path + ".nameUpdate", 1, 32, null), current.name());
        String destination = current.destination();
        String resourceArn = current.resourceArn();
        String roleArn = current.roleArn();
        for (String member : new String[] {ApplicationOutput.KINESIS, ApplicationOutput.LAMBDA, ApplicationOutput.FIREHOSE}) {
            ObjectNode target = MEMBERS.optionalObject(update, member + "Update", path + "." + member + "Update");
            if (target != null) {
                destination = member;
                resourceArn = orElse(MEMBERS.optional(target, "ResourceARNUpdate", path + ".resourceARNUpdate", 1, 2048, Members.ARN), resourceArn);
                roleArn = orElse(MEMBERS.optional(target, "RoleARNUpdate", path + ".roleARNUpdate", 1, 2048, Members.ROLE_ARN), roleArn);
            }
        }
        ObjectNode schema = MEMBERS.optionalObject(update, "DestinationSchemaUpdate", path + ".destinationSchemaUpdate");
        String format = schema == null ? current.recordFormatType()
                : MEMBERS.required(schema, "RecordFormatType", path + ".destinationSchemaUpdate.recordFormatType", 1, 4, OutputParser.FORMAT);
        ApplicationOutput updated = new ApplicationOutput(id, name, destination, resourceArn, roleArn, format);
        return config.withOutputs(list -> {
            list.replaceAll(o -> o.id().equals(id) ? updated : o);
            return list;
        });
    }

    private static ApplicationConfig applyReference(ApplicationConfig config, JsonNode update) {
        String path = "applicationUpdate.referenceDataSourceUpdates.referenceDataSourceUpdate";
        String id = MEMBERS.required(update, "ReferenceId", path + ".referenceId", 1, 50, Members.NAME);
        ObjectNode current = config.references().stream().filter(r -> r.path("ReferenceId").asText().equals(id))
                .findFirst().orElseThrow(() -> AnalyticsErrors.INVALID_ARGUMENT.error(
                        "Reference data source " + id + " does not exist."));
        ObjectNode updated = current.deepCopy();
        String table = MEMBERS.optional(update, "TableNameUpdate", path + ".tableNameUpdate", 1, 32, null);
        if (table != null) {
            updated.put("TableName", table);
        }
        ObjectNode s3 = MEMBERS.optionalObject(update, "S3ReferenceDataSourceUpdate", path + ".s3ReferenceDataSourceUpdate");
        if (s3 != null) {
            ObjectNode description = (ObjectNode) updated.get("S3ReferenceDataSourceDescription");
            copy(s3, "BucketARNUpdate", description, "BucketARN");
            copy(s3, "FileKeyUpdate", description, "FileKey");
            copy(s3, "ReferenceRoleARNUpdate", description, "ReferenceRoleARN");
        }
        ObjectNode schema = MEMBERS.optionalObject(update, "ReferenceSchemaUpdate", path + ".referenceSchemaUpdate");
        if (schema != null) {
            InputParser.validateSchema(schema, path + ".referenceSchemaUpdate");
            updated.set("ReferenceSchema", schema.deepCopy());
        }
        return config.withReferences(list -> {
            list.replaceAll(r -> r == current ? updated : r);
            return list;
        });
    }

    private static ApplicationConfig applyLogging(ApplicationConfig config, JsonNode update) {
        String path = "applicationUpdate.cloudWatchLoggingOptionUpdates.cloudWatchLoggingOptionUpdate";
        String id = MEMBERS.required(update, "CloudWatchLoggingOptionId", path + ".cloudWatchLoggingOptionId", 1, 50, Members.NAME);
        ObjectNode current = config.loggingOptions().stream()
                .filter(o -> o.path("CloudWatchLoggingOptionId").asText().equals(id)).findFirst()
                .orElseThrow(() -> AnalyticsErrors.INVALID_ARGUMENT.error(
                        "CloudWatch logging option " + id + " does not exist."));
        ObjectNode updated = current.deepCopy();
        MEMBERS.optional(update, "LogStreamARNUpdate", path + ".logStreamARNUpdate", 1, 2048, Members.ARN);
        MEMBERS.optional(update, "RoleARNUpdate", path + ".roleARNUpdate", 1, 2048, Members.ROLE_ARN);
        copy(update, "LogStreamARNUpdate", updated, "LogStreamARN");
        copy(update, "RoleARNUpdate", updated, "RoleARN");
        return config.withLoggingOptions(list -> {
            list.replaceAll(o -> o == current ? updated : o);
            return list;
        });
    }

    static void copy(JsonNode from, String fromMember, ObjectNode to, String toMember) {
        JsonNode value = from.get(fromMember);
        if (value != null && !value.isNull()) {
            to.set(toMember, value.deepCopy());
        }
    }

    static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
