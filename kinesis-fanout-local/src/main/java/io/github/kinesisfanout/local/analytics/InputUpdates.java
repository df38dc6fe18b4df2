package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import java.util.regex.Pattern;

/** Applies one {@code InputUpdate} of an UpdateApplication to the input it names. */
final class InputUpdates {

    private static final String PATH = "applicationUpdate.inputUpdates.inputUpdate";

    private InputUpdates() {
    }

    static ApplicationConfig apply(ApplicationConfig config, JsonNode update) {
        String id = MEMBERS.required(update, "InputId", PATH + ".inputId", 1, 50, Members.NAME);
        ApplicationInput current = config.inputs().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> AnalyticsErrors.INVALID_ARGUMENT.error("Input " + id + " does not exist."));
        String prefix = ApplicationUpdates.orElse(MEMBERS.optional(update, "NamePrefixUpdate", PATH + ".namePrefixUpdate",
                1, 32, Pattern.compile("[^-\\s<>&]*")), current.namePrefix());
        ObjectNode streams = MEMBERS.optionalObject(update, "KinesisStreamsInputUpdate", PATH + ".kinesisStreamsInputUpdate");
        ObjectNode deliveryStream = MEMBERS.optionalObject(update, "KinesisFirehoseInputUpdate",
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
        String streamArn = ApplicationUpdates.orElse(MEMBERS.optional(given, "ResourceARNUpdate",
                member + ".resourceARNUpdate", 1, 2048, Members.ARN), current.streamArn());
        ApplicationInput.checkSource(source, streamArn, member + ".resourceARNUpdate");
        String roleArn = ApplicationUpdates.orElse(MEMBERS.optional(given, "RoleARNUpdate",
                member + ".roleARNUpdate", 1, 2048, Members.ROLE_ARN), current.roleArn());
        ObjectNode parallelism = MEMBERS.optionalObject(update, "InputParallelismUpdate", PATH + ".inputParallelismUpdate");
        Long count = MEMBERS.optionalNumber(parallelism, "CountUpdate", PATH + ".inputParallelismUpdate.countUpdate", 1, 64);
        ObjectNode schema = schema(current.schema(), MEMBERS.optionalObject(update, "InputSchemaUpdate", PATH + ".inputSchemaUpdate"));
        ObjectNode processing = processing(current.processing(), MEMBERS.optionalObject(update,
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
        ObjectNode lambda = MEMBERS.object(update, "InputLambdaProcessorUpdate",
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
