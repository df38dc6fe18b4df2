package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;

/** Applies one {@code InputUpdate} of an UpdateApplication to the input it names. */
final class InputUpdates {

    private static final String PATH = "applicationUpdate.inputUpdates.inputUpdate";

    private InputUpdates() {
    }

    static ApplicationConfig apply(ApplicationConfig config, JsonNode update) {
        String id = Members.required(update, "InputId", PATH + ".inputId", 1, 50, Members.NAME);
        ApplicationInput current = config.inputs().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> AnalyticsErrors.INVALID_ARGUMENT.error("Input " + id + " does not exist."));
        String prefix = ApplicationUpdates.orElse(Members.optional(update, "NamePrefixUpdate", PATH + ".namePrefixUpdate",
                1, 32, Pattern.compile("[^-\\s<>&]*")), current.namePrefix());
        ObjectNode streams = Members.optionalObject(update, "KinesisStreamsInputUpdate", PATH + ".kinesisStreamsInputUpdate");
        ObjectNode deliveryStream = Members.optionalObject(update, "KinesisFirehoseInputUpdate",
                PATH + ".kinesisFirehoseInputUpdate");
        if (streams != null && deliveryStream != null) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "An InputUpdate takes at most one of KinesisStreamsInputUpdate and"
                    + " KinesisFirehoseInputUpdate.");
        }
        String source = streams != null ? ApplicationInput.KINESIS
                : deliveryStream != null ? ApplicationInput.FIREHOSE : current.sourceMember();
        ObjectNode given = streams != null ? streams : deliveryStream;
        String member = PATH + (streams != null ? ".kinesisStreamsInputUpdate" : ".kinesisFirehoseInputUpdate");
        String streamArn = ApplicationUpdates.orElse(Members.optional(given, "ResourceARNUpdate",
                member + ".resourceARNUpdate", 1, 2048, Members.ARN), current.streamArn());
        ApplicationInput.checkSource(source, streamArn, member + ".resourceARNUpdate");
        String roleArn = ApplicationUpdates.orElse(Members.optional(given, "RoleARNUpdate",
                member + ".roleARNUpdate", 1, 2048, Members.ROLE_ARN), current.roleArn());
        ObjectNode parallelism = Members.optionalObject(update, "InputParallelismUpdate", PATH + ".inputParallelismUpdate");
        Long count = Members.optionalNumber(parallelism, "CountUpdate", PATH + ".inputParallelismUpdate.countUpdate", 1, 64);
        ObjectNode schema = schema(current.schema(), Members.optionalObject(update, "InputSchemaUpdate", PATH + ".inputSchemaUpdate"));
        ObjectNode processing = processing(current.processing(), Members.optionalObject(update,
                "InputProcessingConfigurationUpdate", PATH + ".inputProcessingConfigurationUpdate"));
        ApplicationInput updated = new ApplicationInput(id, prefix, streamArn, roleArn,
                count == null ? current.parallelism() : count.intValue(), schema, processing, current.startingPosition());
        return config.withInputs(list -> {
            list.replaceAll(i -> i.id().equals(id) ? updated : i);
            return list;
        });
    }

    private static ObjectNode schema(ObjectNode current, ObjectNode update) {
        if (update == null) {
            return current;
        }
        ObjectNode schema = current.deepCopy();
        ApplicationUpdates.copy(update, "RecordFormatUpdate", schema, "RecordFormat");
        ApplicationUpdates.copy(update, "RecordEncodingUpdate", schema, "RecordEncoding");
        ApplicationUpdates.copy(update, "RecordColumnUpdates", schema, "RecordColumns");
        InputParser.validateSchema(schema, PATH + ".inputSchemaUpdate");
        return schema;
    }

    private static ObjectNode processing(ObjectNode current, ObjectNode update) {
        if (update == null) {
            return current;
        }
        ObjectNode lambda = Members.object(update, "InputLambdaProcessorUpdate",
                PATH + ".inputProcessingConfigurationUpdate.inputLambdaProcessorUpdate");
        ObjectNode processing = current == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                : current.deepCopy();
        ObjectNode processor = processing.has("InputLambdaProcessor")
                ? (ObjectNode) processing.get("InputLambdaProcessor") : processing.putObject("InputLambdaProcessor");
        ApplicationUpdates.copy(lambda, "ResourceARNUpdate", processor, "ResourceARN");
        ApplicationUpdates.copy(lambda, "RoleARNUpdate", processor, "RoleARN");
        InputParser.validateProcessing(processing, PATH + ".inputProcessingConfigurationUpdate");
        return processing;
    }
}
