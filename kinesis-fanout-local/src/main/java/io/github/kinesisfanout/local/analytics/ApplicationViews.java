package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** Renders an application as ApplicationSummary and ApplicationDetail, member names as in the model. */
final class ApplicationViews {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ApplicationViews() {
    }

    static ObjectNode summary(Application app) {
        ObjectNode summary = NODES.objectNode();
        summary.put("ApplicationName", app.name);
        summary.put("ApplicationARN", app.arn);
        summary.put("ApplicationStatus", app.status);
        return summary;
    }

    static ObjectNode detail(Application app) {
        ApplicationConfig config = app.config;
        ObjectNode detail = summary(app);
        if (config.description() != null) {
            detail.put("ApplicationDescription", config.description());
        }
        detail.put("CreateTimestamp", epochSeconds(app.createTimestamp));
        detail.put("LastUpdateTimestamp", epochSeconds(app.lastUpdateTimestamp));
        ArrayNode inputs = detail.putArray("InputDescriptions");
        config.inputs().forEach(input -> inputs.add(input(input)));
        ArrayNode outputs = detail.putArray("OutputDescriptions");
        config.outputs().forEach(output -> outputs.add(output(output)));
        ArrayNode references = detail.putArray("ReferenceDataSourceDescriptions");
        config.references().forEach(references::add);
        ArrayNode logging = detail.putArray("CloudWatchLoggingOptionDescriptions");
        config.loggingOptions().forEach(logging::add);
        if (config.code() != null) {
            detail.put("ApplicationCode", config.code());
        }
        detail.put("ApplicationVersionId", app.versionId);
        return detail;
    }

    static ObjectNode input(ApplicationInput input) {
        ObjectNode node = NODES.objectNode();
        node.put("InputId", input.id());
        node.put("NamePrefix", input.namePrefix());
        ArrayNode names = node.putArray("InAppStreamNames");
        input.inAppStreamNames().forEach(names::add);
        if (input.processing() != null) {
            ObjectNode lambda = input.processing().path("InputLambdaProcessor").deepCopy();
            node.putObject("InputProcessingConfigurationDescription").set("InputLambdaProcessorDescription", lambda);
        }
        ObjectNode source = node.putObject(input.sourceMember() + "Description");
        source.put("ResourceARN", input.streamArn());
        source.put("RoleARN", input.roleArn());
        node.set("InputSchema", input.schema().deepCopy());
        node.putObject("InputParallelism").put("Count", input.parallelism());
        // A never-started application shows an empty InputStartingPositionConfiguration.
        ObjectNode position = node.putObject("InputStartingPositionConfiguration");
        if (input.startingPosition() != null) {
            position.put("InputStartingPosition", input.startingPosition());
        }
        return node;
    }

    static ObjectNode output(ApplicationOutput output) {
        ObjectNode node = NODES.objectNode();
        node.put("OutputId", output.id());
        node.put("Name", output.name());
        ObjectNode target = node.putObject(output.destination() + "Description");
        target.put("ResourceARN", output.resourceArn());
        target.put("RoleARN", output.roleArn());
        node.putObject("DestinationSchema").put("RecordFormatType", output.recordFormatType());
        return node;
    }

    /** AWS JSON 1.1 timestamps: epoch seconds with the millisecond fraction. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
