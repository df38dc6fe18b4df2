package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
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
 * carrying the raw records when nothing fits.
 */
final class DiscoverOperation {

    private static final Pattern POSITION = Pattern.compile("NOW|TRIM_HORIZON|LAST_STOPPED_POINT");

    private final StreamAccess streams;
    private final ObjectReader objects;

    DiscoverOperation(StreamAccess streams, ObjectReader objects) {
        this.streams = streams;
        this.objects = objects;
    }

    JsonNode discover(ObjectNode input, RequestContext context) {
        if (input.has("InputProcessingConfiguration")) {
            throw AnalyticsErrors.unsupported("InputProcessingConfiguration (Lambda preprocessing) is not supported"
                    + " by the local cloud's DiscoverInputSchema.");
        }
        List<String> raw = input.has("S3Configuration") ? fromS3(input) : fromStream(input);
        DiscoveredSchema result = SchemaDiscovery.infer(raw).orElse(null);
        if (result == null) {
            AwsServiceException error = new AwsServiceException("UnableToDetectSchemaException",
                    raw.isEmpty() ? "No data found in the sampled source: put records first, or sample from TRIM_HORIZON."
                            : "Unable to detect a schema: the " + raw.size()
                            + " sampled records are neither JSON objects nor consistently delimited text.");
            ObjectNode members = JsonNodeFactory.instance.objectNode();
            ArrayNode rawRecords = members.putArray("RawInputRecords");
            raw.forEach(rawRecords::add);
            members.set("ProcessedInputRecords", rawRecords.deepCopy());
            throw error.withMembers(members);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.set("InputSchema", InputSchemaJson.toJson(result.schema()));
        ArrayNode parsed = output.putArray("ParsedInputRecords");
        for (List<String> row : result.parsedRecords()) {
            ArrayNode values = parsed.addArray();
            row.forEach(values::add);
        }
        ArrayNode processed = output.putArray("ProcessedInputRecords");
        raw.forEach(processed::add);
        output.set("RawInputRecords", processed.deepCopy());
        return output;
    }

    private List<String> fromStream(ObjectNode input) {
        String arn = Members.required(input, "ResourceARN", "resourceARN", 1, 2048, Members.ARN);
        Members.required(input, "RoleARN", "roleARN", 1, 2048, Members.ROLE_ARN);
        ObjectNode starting = Members.optionalObject(input, "InputStartingPositionConfiguration",
                "inputStartingPositionConfiguration");
        String position = Members.optional(starting, "InputStartingPosition",
                "inputStartingPositionConfiguration.inputStartingPosition", 1, 18, POSITION);
        try {
            return new RecordSampler(streams).sample(arn, position == null ? "TRIM_HORIZON" : position);
        } catch (AwsServiceException e) {
            if ("ProvisionedThroughputExceededException".equals(e.errorCode())) {
                throw new AwsServiceException("ResourceProvisionedThroughputExceededException", e.getMessage());
            }
            throw AnalyticsErrors.invalidArgument("Stream " + arn + " cannot be read: " + e.errorCode() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsServiceException("ServiceUnavailableException", "Interrupted while sampling " + arn, 500);
        }
    }

    private List<String> fromS3(ObjectNode input) {
        ObjectNode s3 = Members.object(input, "S3Configuration", "s3Configuration");
        Members.required(s3, "RoleARN", "s3Configuration.roleARN", 1, 2048, Members.ROLE_ARN);
        String bucketArn = Members.required(s3, "BucketARN", "s3Configuration.bucketARN", 1, 2048, Members.ARN);
        String key = Members.required(s3, "FileKey", "s3Configuration.fileKey", 1, 1024, null);
        if (objects == null) {
            throw AnalyticsErrors.unsupported("S3Configuration needs the local S3 service, which this local cloud does not have.");
        }
        String bucket = bucketArn.substring(bucketArn.lastIndexOf(':') + 1);
        byte[] content;
        try {
            content = objects.read(bucket, key);
        } catch (AwsServiceException e) {
            if ("UnsupportedOperationException".equals(e.errorCode())) {
                throw e;
            }
            throw AnalyticsErrors.invalidArgument("S3 object s3://" + bucket + "/" + key + " cannot be read: "
                    + e.errorCode() + ": " + e.getMessage());
        }
        List<String> lines = Arrays.stream(new String(content, StandardCharsets.UTF_8).split("\r?\n"))
                .filter(line -> !line.isBlank()).limit(RecordSampler.MAX_RECORDS).toList();
        return lines;
    }
}
