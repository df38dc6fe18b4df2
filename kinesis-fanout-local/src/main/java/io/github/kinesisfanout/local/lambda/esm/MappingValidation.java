package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.lambda.LambdaErrors;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.Timestamps;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates the settings of CreateEventSourceMapping and UpdateEventSourceMapping
 * for a Kinesis stream, with the ranges and defaults of the Lambda API reference.
 */
final class MappingValidation {

    private static final Set<String> POSITIONS = Set.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");

    private MappingValidation() {
    }

    /**
     * The settings of a new mapping; {@code functionArn} is already resolved, {@code clock} is the
     * cloud's clock (a StartingPositionTimestamp after its now is refused).
     */
    static MappingConfig create(ObjectNode input, String functionArn, Clock clock) {
        String source = Members.required(input, "EventSourceArn", LambdaErrors.INVALID_PARAMETER_VALUE);
        if (!source.matches("arn:aws[a-zA-Z-]*:kinesis:[a-z0-9-]+:\\d{12}:stream/[a-zA-Z0-9_.-]+")) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "EventSourceArn " + source + ": the local cloud supports Kinesis"
                    + " stream event sources only (arn:aws:kinesis:REGION:ACCOUNT:stream/NAME)");
        }
        String position = Members.text(input, "StartingPosition");
        if (position == null) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error("StartingPosition is required for Kinesis event sources");
        }
        MappingConfig base = new MappingConfig(source, functionArn, 100, 0, position, null, 1, false, -1, -1,
                false, null, List.of());
        return update(input, base, clock);
    }

    /** Applies the members present in {@code input} onto {@code current}; {@code clock} is the cloud's clock. */
    static MappingConfig update(ObjectNode input, MappingConfig current, Clock clock) {
        String position = Members.text(input, "StartingPosition", current.startingPosition());
        if (!POSITIONS.contains(position)) {
            throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE,
                    position, "startingPosition", "Member must satisfy enum value set:"
                    + " [TRIM_HORIZON, LATEST, AT_TIMESTAMP]");
        }
        Instant timestamp = current.startingPositionTimestamp();
        if (Members.has(input, "StartingPositionTimestamp")) {
            try {
                timestamp = Timestamps.read(input.get("StartingPositionTimestamp"));
            } catch (IllegalArgumentException e) {
                throw LambdaErrors.INVALID_PARAMETER_VALUE.error("StartingPositionTimestamp: " + e.getMessage());
            }
        }
        if (position.equals("AT_TIMESTAMP") && timestamp == null) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP");
        }
        if (timestamp != null && timestamp.isAfter(clock.instant().plusSeconds(1))) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error("StartingPositionTimestamp cannot be in the future");
        }
        if (Members.integer(input, "TumblingWindowInSeconds", 0, LambdaErrors.INVALID_PARAMETER_VALUE) > 0) {
            throw LambdaErrors.INVALID_PARAMETER_VALUE.error(
                    "TumblingWindowInSeconds is not supported by the local cloud");
        }
        int age = range(input, "MaximumRecordAgeInSeconds", current.maximumRecordAgeSeconds(), -1, 604_800);
        if (age != -1 && age < 60) {
            throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE,
                    age, "maximumRecordAgeInSeconds", "Member must be -1 or between 60"
                    + " and 604800");
        }
        List<String> types = current.functionResponseTypes();
        if (input.has("FunctionResponseTypes")) {
            types = new ArrayList<>();
            for (JsonNode type : input.get("FunctionResponseTypes")) {
                if (!type.asText().equals("ReportBatchItemFailures")) {
                    throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE,
                            "[" + type.asText() + "]", "functionResponseTypes",
                            "Member must satisfy enum value set: [ReportBatchItemFailures]");
                }
                types.add(type.asText());
            }
        }
        return new MappingConfig(current.eventSourceArn(), current.functionArn(),
                range(input, "BatchSize", current.batchSize(), 1, 10_000),
                range(input, "MaximumBatchingWindowInSeconds", current.batchingWindowSeconds(), 0, 300),
                position, timestamp,
                range(input, "ParallelizationFactor", current.parallelizationFactor(), 1, 10),
                Members.bool(input, "BisectBatchOnFunctionError", current.bisectOnError()),
                range(input, "MaximumRetryAttempts", current.maximumRetryAttempts(), -1, 10_000), age,
                types.contains("ReportBatchItemFailures"),
                input.has("DestinationConfig") ? input.get("DestinationConfig").deepCopy() : current.destinationConfig(),
                List.copyOf(types));
    }

    private static int range(ObjectNode input, String member, int fallback, int min, int max) {
        int value = Members.integer(input, member, fallback, LambdaErrors.INVALID_PARAMETER_VALUE);
        if (value < min || value > max) {
            String name = Character.toLowerCase(member.charAt(0)) + member.substring(1);
            throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE, value, name, "Member must have value "
                    + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return value;
    }
}
