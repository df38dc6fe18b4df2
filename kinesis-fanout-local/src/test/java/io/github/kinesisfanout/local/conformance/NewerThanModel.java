package io.github.kinesisfanout.local.conformance;

import java.util.Map;
import java.util.Set;

/**
 * Members and enum values AWS added after the models Debian's awscli 2.9.19 ships (botocore data of
 * January 2023), which the local cloud answers because the SDK v2 clients it serves know them; each
 * is in AWS's current model (botocore 1.43). Keys are {@code Shape.Member} or enum shape names.
 */
final class NewerThanModel {

    /** Output members per structure shape. */
    static final Map<String, Set<String>> MEMBERS = Map.of(
            "FunctionConfiguration", Set.of("LoggingConfig"),
            "EventSourceMappingConfiguration", Set.of("EventSourceMappingArn"),
            "LogGroup", Set.of("logGroupArn", "logGroupClass"),
            "Bucket", Set.of("BucketRegion"));

    /** Enum values per enum shape. */
    static final Map<String, Set<String>> ENUM_VALUES = Map.of(
            "Runtime", Set.of("java17", "java21", "python3.10", "python3.11", "python3.12", "python3.13",
                    "nodejs20.x", "nodejs22.x", "provided.al2023"));

    private NewerThanModel() {
    }

    static boolean member(String shapeName, String member) {
        return MEMBERS.getOrDefault(shapeName, Set.of()).contains(member);
    }

    static boolean enumValue(String shapeName, String value) {
        return ENUM_VALUES.getOrDefault(shapeName, Set.of()).contains(value);
    }
}
