package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import java.util.regex.Pattern;

/** Validates an {@code Input} member (and its {@code InputSchema}) into an {@link ApplicationInput}. */
final class InputParser {

    /** The v2 documentation's NamePrefix pattern: no dash, whitespace, angle bracket or ampersand. */
    private static final Pattern NAME_PREFIX = Pattern.compile("[^-\\s<>&]*");

    private InputParser() {
    }

    static ApplicationInput parse(JsonNode input, String id, String path) {
        String prefix = MEMBERS.required(input, "NamePrefix", path + ".namePrefix", 1, 32, NAME_PREFIX);
        String source = MEMBERS.exactlyOne(input, "Input", ApplicationInput.KINESIS, ApplicationInput.FIREHOSE);
        String member = path + (ApplicationInput.KINESIS.equals(source) ? ".kinesisStreamsInput" : ".kinesisFirehoseInput");
        ObjectNode streams = MEMBERS.object(input, source, member);
        String resourceArn = MEMBERS.required(streams, "ResourceARN", member + ".resourceARN", 1, 2048, Members.ARN);
        ApplicationInput.checkSource(source, resourceArn, member + ".resourceARN");
        String roleArn = MEMBERS.required(streams, "RoleARN", member + ".roleARN", 1, 2048, Members.ROLE_ARN);
        ObjectNode parallelism = MEMBERS.optionalObject(input, "InputParallelism", path + ".inputParallelism");
        Long count = MEMBERS.optionalNumber(parallelism, "Count", path + ".inputParallelism.count", 1, 64);
        ObjectNode schema = MEMBERS.object(input, "InputSchema", path + ".inputSchema");
        validateSchema(schema, path + ".inputSchema");
        ObjectNode processing = MEMBERS.optionalObject(input, "InputProcessingConfiguration",
                path + ".inputProcessingConfiguration");
        if (processing != null) {
            validateProcessing(processing, path + ".inputProcessingConfiguration");
        }
        return new ApplicationInput(id, prefix, resourceArn, roleArn, count == null ? 1 : count.intValue(),
                schema.deepCopy(), processing == null ? null : processing.deepCopy(), null);
    }

    static void validateProcessing(JsonNode processing, String path) {
        ObjectNode lambda = MEMBERS.object(processing, "InputLambdaProcessor", path + ".inputLambdaProcessor");
        MEMBERS.required(lambda, "ResourceARN", path + ".inputLambdaProcessor.resourceARN", 1, 2048, Members.ARN);
        MEMBERS.required(lambda, "RoleARN", path + ".inputLambdaProcessor.roleARN", 1, 2048, Members.ROLE_ARN);
    }

    /** A SourceSchema: RecordFormat, optional RecordEncoding (UTF-8 only), 1 to 1000 RecordColumns. */
    static void validateSchema(JsonNode schema, String path) {
        ObjectNode format = MEMBERS.object(schema, "RecordFormat", path + ".recordFormat");
        String type = MEMBERS.required(format, "RecordFormatType", path + ".recordFormat.recordFormatType",
                1, 4, Pattern.compile("JSON|CSV"));
        ObjectNode mapping = MEMBERS.optionalObject(format, "MappingParameters", path + ".recordFormat.mappingParameters");
        String mappingPath = path + ".recordFormat.mappingParameters";
        if ("JSON".equals(type) && mapping != null && mapping.has("JSONMappingParameters")) {
            MEMBERS.required(MEMBERS.object(mapping, "JSONMappingParameters", mappingPath + ".jSONMappingParameters"),
                    "RecordRowPath", mappingPath + ".jSONMappingParameters.recordRowPath", 1, 65535, null);
        }
        if ("CSV".equals(type)) {
            if (mapping == null || !mapping.has("CSVMappingParameters")) {
                throw AnalyticsErrors.INVALID_ARGUMENT.error(
                        "RecordFormatType CSV needs MappingParameters.CSVMappingParameters"
                        + " with RecordRowDelimiter and RecordColumnDelimiter.");
            }
            ObjectNode csv = MEMBERS.object(mapping, "CSVMappingParameters", mappingPath + ".cSVMappingParameters");
            MEMBERS.required(csv, "RecordRowDelimiter", mappingPath + ".cSVMappingParameters.recordRowDelimiter", 1, 1024, null);
            MEMBERS.required(csv, "RecordColumnDelimiter", mappingPath + ".cSVMappingParameters.recordColumnDelimiter", 1, 1024, null);
        }
        MEMBERS.optional(schema, "RecordEncoding", path + ".recordEncoding", 5, 5, Pattern.compile("UTF-8"));
        int i = 1;
        for (JsonNode column : MEMBERS.list(schema, "RecordColumns", path + ".recordColumns", 1, 1000)) {
            String columnPath = path + ".recordColumns." + i++;
            MEMBERS.required(column, "Name", columnPath + ".name", 1, 65535, null);
            MEMBERS.required(column, "SqlType", columnPath + ".sqlType", 1, 65535, null);
            String mappingValue = MEMBERS.optional(column, "Mapping", columnPath + ".mapping", 0, 65535, null);
            if ("JSON".equals(type) && (mappingValue == null || mappingValue.isEmpty())) {
                // AWS: "Mapping ... is required if RecordFormatType is JSON".
                throw AnalyticsErrors.INVALID_ARGUMENT.error("Column " + column.get("Name").asText()
                        + " needs a Mapping (a JSONPath such as $.NAME) because RecordFormatType is JSON.");
            }
        }
        if (!schema.has("RecordColumns")) {
            throw MEMBERS.violation("null", path + ".recordColumns", "Member must not be null");
        }
    }
}
