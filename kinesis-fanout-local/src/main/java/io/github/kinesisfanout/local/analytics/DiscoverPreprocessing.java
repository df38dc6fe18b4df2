package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DiscoverInputSchema's InputProcessingConfiguration: the sampled records of each shard go through the function
 * as a running application's would ({@link InputPreprocessor}, same event, retries and answers; there is no
 * application yet, so the event's applicationArn is null), and the records it answers Ok (each JSON document
 * of their data) become the ProcessedInputRecords the schema is inferred from. An invocation that keeps failing
 * is UnableToDetectSchemaException with the failure as its message.
 */
final class DiscoverPreprocessing {

    private final InputPreprocessor preprocessor;

    private DiscoverPreprocessing(InputPreprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /** Validates the configuration (InvalidArgumentException naming the member) against the request's source. */
    static DiscoverPreprocessing of(ObjectNode processing, ObjectNode input, LambdaInvoker lambda) {
        InputParser.validateProcessing(processing, "inputProcessingConfiguration");
        if (input.has("S3Configuration")) {
            throw AnalyticsErrors.UNSUPPORTED_OPERATION.error(
                    "InputProcessingConfiguration with S3Configuration is not supported"
                    + " yet: sample a stream (ResourceARN) to discover a schema through a preprocessing function.");
        }
        if (lambda == null || !lambda.available()) {
            throw AnalyticsErrors.INVALID_ARGUMENT.error(
                    "InputProcessingConfiguration.InputLambdaProcessor needs the local"
                    + " Lambda service, which this local cloud does not have.");
        }
        String functionArn = processing.path("InputLambdaProcessor").path("ResourceARN").asText();
        String streamArn = input.path("ResourceARN").asText();
        return new DiscoverPreprocessing(new InputPreprocessor(lambda, functionArn, null, streamArn, true));
    }

    /** The ProcessedInputRecords of the sampled records ({@code raw}: their text, for an error's members). */
    List<String> apply(List<RecordSampler.Sampled> sampled, List<String> raw) {
        Map<String, List<KinesisRecord>> byShard = new LinkedHashMap<>();
        for (RecordSampler.Sampled s : sampled) {
            byShard.computeIfAbsent(s.shardId(), id -> new ArrayList<>()).add(s.record());
        }
        List<String> processed = new ArrayList<>();
        for (Map.Entry<String, List<KinesisRecord>> shard : byShard.entrySet()) {
            InputPreprocessor.Preprocessed settled;
            try {
                settled = preprocessor.process(shard.getKey(), shard.getValue(), millis -> {
                    Thread.sleep(millis);
                    return true;
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AnalyticsErrors.SERVICE_UNAVAILABLE.error("Interrupted while preprocessing");
            }
            for (RejectedRecord rejected : settled.rejected()) {
                if (InputPreprocessor.PREPROCESSING_ERROR.equals(rejected.errorName())) {
                    throw failure(rejected.message(), raw);
                }
            }
            settled.records().forEach(r -> processed.add(new String(r.data(), StandardCharsets.UTF_8)));
        }
        return processed;
    }

    private static AwsServiceException failure(String message, List<String> raw) {
        ObjectNode members = JsonNodeFactory.instance.objectNode();
        ArrayNode rawRecords = members.putArray("RawInputRecords");
        raw.forEach(rawRecords::add);
        members.putArray("ProcessedInputRecords");
        return AnalyticsErrors.UNABLE_TO_DETECT_SCHEMA.error(message).withMembers(members);
    }
}
