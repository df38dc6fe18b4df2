package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates and applies the configuration members of CreateFunction and
 * UpdateFunctionConfiguration, with Lambda's defaults and validation messages.
 */
final class FunctionSettings {

    /** The Java runtimes the local cloud runs. */
    static final Set<String> JAVA_RUNTIMES = Set.of("java11", "java17", "java21", "java8.al2", "java25");
    /** The Runtime enum of the Lambda API model; other runtimes are accepted but cannot be invoked locally. */
    private static final Set<String> RUNTIMES = Set.of("nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10",
            "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x",
            "java8", "java8.al2", "java11", "java17", "java21", "java25", "python2.7", "python3.6", "python3.7",
            "python3.8", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13", "python3.14",
            "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet6", "dotnet8",
            "nodejs4.3-edge", "go1.x", "ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "provided",
            "provided.al2", "provided.al2023", "nodejs24.x", "dotnet10");
    /** The role pattern of the Lambda API model. */
    private static final Pattern ROLE = Pattern.compile("arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");

    private FunctionSettings() {
    }

    /** Applies the members present in {@code input} onto {@code configuration}, validating each. */
    static void apply(ObjectNode input, ObjectNode configuration) {
        if (Members.has(input, "Runtime")) {
            String runtime = input.get("Runtime").asText();
            if (!RUNTIMES.contains(runtime)) {
                throw LambdaErrors.INVALID_PARAMETER_VALUE.error("Value " + runtime + " at 'runtime' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: " + RUNTIMES.stream().sorted().toList()
                        + " or be a valid ARN");
            }
            configuration.put("Runtime", runtime);
        }
        if (Members.has(input, "Role")) {
            String role = input.get("Role").asText();
            if (!ROLE.matcher(role).matches()) {
                throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE,
                        role, "role", "Member must satisfy regular expression pattern: "
                        + ROLE.pattern());
            }
            configuration.put("Role", role);
        }
        copyText(input, configuration, "Handler");
        copyText(input, configuration, "Description");
        if (Members.has(input, "Timeout")) {
            configuration.put("Timeout", range(input, "Timeout", "timeout", 1, 900));
        }
        if (Members.has(input, "MemorySize")) {
            configuration.put("MemorySize", range(input, "MemorySize", "memorySize", 128, 10240));
        }
        if (Members.has(input, "Environment")) {
            ObjectNode environment = configuration.putObject("Environment");
            ObjectNode variables = environment.putObject("Variables");
            input.get("Environment").path("Variables").fields()
                    .forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        }
        for (String member : new String[] {"TracingConfig", "EphemeralStorage", "Architectures", "Layers",
                "DeadLetterConfig", "VpcConfig", "KMSKeyArn"}) {
            if (Members.has(input, member)) {
                configuration.set(member, input.get(member).deepCopy());
            }
        }
    }

    /** The defaults Lambda reports for members a CreateFunction left out. */
    static void defaults(ObjectNode configuration, String functionName) {
        configuration.put("Description", configuration.path("Description").asText(""));
        configuration.put("Timeout", configuration.path("Timeout").asInt(3));
        configuration.put("MemorySize", configuration.path("MemorySize").asInt(128));
        configuration.put("Version", "$LATEST");
        configuration.put("PackageType", "Zip");
        if (!configuration.has("TracingConfig")) {
            configuration.putObject("TracingConfig").put("Mode", "PassThrough");
        }
        if (!configuration.has("Architectures")) {
            configuration.putArray("Architectures").add("x86_64");
        }
        if (!configuration.has("EphemeralStorage")) {
            configuration.putObject("EphemeralStorage").put("Size", 512);
        }
        configuration.putObject("SnapStart").put("ApplyOn", "None").put("OptimizationStatus", "Off");
        configuration.putObject("LoggingConfig").put("LogFormat", "Text").put("LogGroup", "/aws/lambda/" + functionName);
    }

    static Map<String, String> variables(JsonNode configuration) {
        Map<String, String> variables = new LinkedHashMap<>();
        configuration.path("Environment").path("Variables").fields()
                .forEachRemaining(e -> variables.put(e.getKey(), e.getValue().asText()));
        return variables;
    }

    private static void copyText(ObjectNode input, ObjectNode configuration, String member) {
        if (Members.has(input, member)) {
            configuration.put(member, input.get(member).asText());
        }
    }

    private static int range(ObjectNode input, String member, String name, int min, int max) {
        int value = Members.integer(input, member, min, LambdaErrors.INVALID_PARAMETER_VALUE);
        if (value < min || value > max) {
            throw ValidationErrors.of(LambdaErrors.INVALID_PARAMETER_VALUE, value, name, "Member must have value "
                    + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return value;
    }
}
