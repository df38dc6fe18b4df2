package io.github.kinesisfanout.operations.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.CloudFormationTemplates;
import io.github.kinesisfanout.operations.FanoutException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A template file as deploy-stack sends it. Like {@code aws cloudformation package}, an
 * {@code AWS::Lambda::Function} whose {@code Code} is a local path ({@code Code: target/app.jar})
 * gets that file uploaded and the path replaced by {@code {S3Bucket, S3Key}}; the template is then
 * sent in its JSON form. Without local paths it is sent exactly as written.
 */
final class TemplateDocument {

    private final Path file;
    private final String text;
    private final JsonNode tree;

    private TemplateDocument(Path file, String text, JsonNode tree) {
        this.file = file;
        this.text = text;
        this.tree = tree;
    }

    static TemplateDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new FanoutException("<templateFile> " + file + " cannot be read (" + e.getMessage() + "): fix the"
                    + " path in the plugin configuration or pass -Dfanout.templateFile=PATH");
        }
        try {
            return new TemplateDocument(file, text, CloudFormationTemplates.read(text));
        } catch (IllegalArgumentException e) {
            throw new FanoutException("Template " + file + ": " + e.getMessage());
        }
    }

    /** The local code files by logical id of the function that names them, resolved against a directory. */
    Map<String, Path> localCode(Path baseDirectory) {
        Map<String, Path> paths = new LinkedHashMap<>();
        tree.path("Resources").fields().forEachRemaining(entry -> {
            JsonNode resource = entry.getValue();
            JsonNode code = resource.path("Properties").path("Code");
            if (resource.path("Type").asText().equals("AWS::Lambda::Function") && code.isTextual()) {
                Path path = baseDirectory.resolve(code.asText()).normalize();
                if (!Files.isRegularFile(path)) {
                    throw new FanoutException("Code of " + entry.getKey() + " in " + file + " is the local path "
                            + code.asText() + " but " + path + " does not exist: build it first (mvn package) or fix"
                            + " the path (relative to " + baseDirectory + ")");
                }
                paths.put(entry.getKey(), path);
            }
        });
        return paths;
    }

    /** The body to send, with each function's local code replaced by its uploaded S3 location. */
    String body(Map<String, String> s3KeysByFunction, String bucket) {
        if (s3KeysByFunction.isEmpty()) {
            return text;
        }
        ObjectNode copy = tree.deepCopy();
        s3KeysByFunction.forEach((logicalId, key) -> {
            ObjectNode properties = (ObjectNode) copy.path("Resources").path(logicalId).path("Properties");
            properties.putObject("Code").put("S3Bucket", bucket).put("S3Key", key);
        });
        return copy.toPrettyString();
    }

    /**
     * The capabilities the template's IAM resources need: CAPABILITY_NAMED_IAM when one has a
     * custom name, else CAPABILITY_IAM when there is any, as CloudFormation demands them.
     */
    Set<String> requiredCapabilities() {
        Map<String, String> named = Map.of("AWS::IAM::Role", "RoleName", "AWS::IAM::ManagedPolicy",
                "ManagedPolicyName", "AWS::IAM::User", "UserName", "AWS::IAM::Group", "GroupName",
                "AWS::IAM::InstanceProfile", "InstanceProfileName");
        Set<String> needed = new TreeSet<>();
        Function<JsonNode, String> type = r -> r.path("Type").asText();
        tree.path("Resources").forEach(resource -> {
            if (type.apply(resource).startsWith("AWS::IAM::")) {
                String nameProperty = named.get(type.apply(resource));
                boolean hasName = nameProperty != null && resource.path("Properties").has(nameProperty);
                needed.add(hasName ? "CAPABILITY_NAMED_IAM" : "CAPABILITY_IAM");
            }
        });
        if (needed.contains("CAPABILITY_NAMED_IAM")) {
            needed.remove("CAPABILITY_IAM");
        }
        return needed;
    }
}
