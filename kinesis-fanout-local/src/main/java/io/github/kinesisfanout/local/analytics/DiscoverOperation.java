package io.github.kinesisfanout.local.analytics;

import static io.github.kinesisfanout.local.analytics.AnalyticsErrors.MEMBERS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.KinesisErrors;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.sql.DiscoveredSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import io.github.kinesisfanout.sql.SchemaDiscovery;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DiscoverInputSchema: samples a stream (ResourceARN, from InputStartingPositionConfiguration,
 * TRIM_HORIZON when absent) or an S3 object (S3Configuration, one record per line) and answers the
 * inferred InputSchema with RawInputRecords and ParsedInputRecords; UnableToDetectSchemaException
 * carrying the raw records when nothing fits. With an InputProcessingConfiguration the sampled stream
 * records go through the function first ({@link DiscoverPreprocessing}) and the schema is inferred from what
 * it answered Ok (ProcessedInputRecords).
 */
final class DiscoverOperation {

    private static final Pattern POSITION = Pattern.compile("NOW|TRIM_HORIZON|LAST_STOPPED_POINT");

    private final StreamAccess streams;
    private final ObjectReader objects;
    private final LambdaInvoker lambda;

    /** @param lambda how an InputProcessingConfiguration's function is invoked; null when the cloud has no Lambda */
    DiscoverOperation(StreamAccess streams, ObjectReader objects, LambdaInvoker lambda) {
        this.streams = streams;
        this.objects = objects;
        this.lambda = lambda;
    }

    JsonNode discover(ObjectNode input, RequestContext context) {
        ObjectNode processing = MEMBERS.optionalObject(input, "InputProcessingConfiguration",
                "inputProcessingConfiguration");
        List<String> raw;
        List<String> processed;
        if (processing == null) {
            raw = input.has("S3Configuration") ? fromS3(input) : strings(fromStream(input));
            processed = raw;
        } else {
            DiscoverPreprocessing preprocessing = DiscoverPreprocessing.of(processing, input, lambda);
            List<RecordSampler.Sampled> sampled = fromStream(input);
            raw = strings(sampled);
            processed = preprocessing.apply(sampled, raw);
        }
        DiscoveredSchema result = SchemaDiscovery.infer(processed).orElse(null);
        if (result == null) {
            String message;
            if (raw.isEmpty()) {
                message = "No data found in the sampled source: put records first, or sample from TRIM_HORIZON.";
            } else if (processed.isEmpty()) {
                message = "The preprocessing function answered Ok for none of the " + raw.size() + " sampled records.";
            } else {
                message = "Unable to detect a schema: the " + processed.size()
                        + " sampled records are neither JSON objects nor consistently delimited text.";
            }
            AwsServiceException error = AnalyticsErrors.UNABLE_TO_DETECT_SCHEMA.error(message);
            ObjectNode members = JsonNodeFactory.instance.objectNode();
            raw.forEach(members.putArray("RawInputRecords")::add);
            processed.forEach(members.putArray("ProcessedInputRecords")::add);
            throw error.withMembers(members);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set("InputSchema", InputSchemaJson.toJson(result.schema()));
        ArrayNode parsed = output.putArray("ParsedInputRecords");
        for (List<String> row : result.parsedRecords()) {
            ArrayNode values = parsed.addArray();
            row.forEach(values::add);
        }
        processed.forEach(output.putArray("ProcessedInputRecords")::add);
        raw.forEach(output.putArray("RawInputRecords")::add);
        return output;
    }

    private static List<String> strings(List<RecordSampler.Sampled> sampled) {
        return sampled.stream().map(s -> new String(s.record().data(), StandardCharsets.UTF_8)).toList();
    }

    private List<RecordSampler.Sampled> fromStream(ObjectNode input) {
        String arn = MEMBERS.required(input, "ResourceARN", "resourceARN", 1, 2048, Members.ARN);
        MEMBERS.required(input, "RoleARN", "roleARN", 1, 2048, Members.ROLE_ARN);
        ObjectNode starting = MEMBERS.optionalObject(input, "InputStartingPositionConfiguration",
                "inputStartingPositionConfiguration");
        String position = MEMBERS.optional(starting, "InputStartingPosition",
                "inputStartingPositionConfiguration.inputStartingPosition", 1, 18, POSITION);
        try {
            return new RecordSampler(streams).sampleRecords(arn, position == null ? "TRIM_HORIZON" : position);
        } catch (AwsServiceException e) {
            if (KinesisErrors.PROVISIONED_THROUGHPUT_EXCEEDED.is(e)) {
                throw AnalyticsErrors.RESOURCE_PROVISIONED_THROUGHPUT_EXCEEDED.error(e.getMessage());
            }
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "Stream " + arn + " cannot be read: " + e.errorCode() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AnalyticsErrors.SERVICE_UNAVAILABLE.error("Interrupted while sampling " + arn);
        }
    }

    private List<String> fromS3(ObjectNode input) {
        ObjectNode s3 = MEMBERS.object(input, "S3Configuration", "s3Configuration");
        MEMBERS.required(s3, "RoleARN", "s3Configuration.roleARN", 1, 2048, Members.ROLE_ARN);
        String bucketArn = MEMBERS.required(s3, "BucketARN", "s3Configuration.bucketARN", 1, 2048, Members.ARN);
        String key = MEMBERS.required(s3, "FileKey", "s3Configuration.fileKey", 1, 1024, null);
        if (objects == null) {
            throw AnalyticsErrors.UNSUPPORTED_OPERATION.error(
                    "S3Configuration needs the local S3 service, which this local cloud does not have.");
        }
        String bucket = bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
        byte[] content;
        try {
            content = objects.read(bucket, key);
        } catch (AwsServiceException e) {
            if (AnalyticsErrors.UNSUPPORTED_OPERATION.is(e)) {
                throw e;
            }
            throw AnalyticsErrors.INVALID_ARGUMENT.error("S3 object s3://" + bucket + "/" + key + " cannot be read: "
                    + e.errorCode() + ": " + e.getMessage());
        }
        List<String> lines = Arrays.stream(new String(content, StandardCharsets.UTF_8).split("\r?\n"))
                .filter(line -> !line.isBlank()).limit(RecordSampler.MAX_RECORDS).toList();
        return lines;
    }
}
