package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The IAM entities of each account as one atomic snapshot {@code ACCOUNT.json} (roles with their inline
 * policies and attachments, managed policies), rewritten after every change; null directory: memory only.
 */
final class IamStorage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path directory;

    IamStorage(Path directory) {
        this.directory = directory;
    }

    void save(String accountId, IamEntities entities) {
        if (directory == null) {
            return;
        }
        ObjectNode root = JSON.createObjectNode();
        ArrayNode roles = root.putArray("Roles");
        for (IamEntities.Role role : entities.roles.values()) {
            ObjectNode node = roles.addObject().put("Name", role.name).put("Id", role.id).put("Arn", role.arn)
                    .put("Path", role.path).put("Created", role.created.toString()).put("Description", role.description)
                    .put("MaxSessionDuration", role.maxSessionDuration).put("AssumeRolePolicy", role.assumeRolePolicy);
            node.set("Tags", JSON.valueToTree(role.tags));
            node.set("InlinePolicies", JSON.valueToTree(role.inlinePolicies));
            node.set("AttachedPolicyArns", JSON.valueToTree(role.attachedPolicyArns));
        }
        ArrayNode policies = root.putArray("Policies");
        for (IamEntities.Policy policy : entities.policies.values()) {
            policies.addObject().put("Name", policy.name()).put("Id", policy.id()).put("Arn", policy.arn())
                    .put("Path", policy.path()).put("Created", policy.created().toString())
                    .put("Description", policy.description()).put("Document", policy.document())
                    .put("Version", policy.version());
        }
        AtomicFiles.write(directory.resolve(accountId + ".json"), root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every account's entities kept. */
    Map<String, IamEntities> loadAll() {
        Map<String, IamEntities> accounts = new LinkedHashMap<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return accounts;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                accounts.put(name.substring(0, name.length() - ".json".length()), read(JSON.readTree(file.toFile())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IAM entities in " + directory, e);
        }
        return accounts;
    }

    private static IamEntities read(JsonNode root) {
        IamEntities entities = new IamEntities();
        for (JsonNode node : root.path("Roles")) {
            Map<String, String> tags = new LinkedHashMap<>();
            node.path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            IamEntities.Role role = new IamEntities.Role(node.path("Name").asText(), node.path("Id").asText(),
                    node.path("Arn").asText(), node.path("Path").asText(), Instant.parse(node.path("Created").asText()),
                    node.path("Description").isNull() ? null : node.path("Description").asText(),
                    node.path("MaxSessionDuration").asInt(), tags, node.path("AssumeRolePolicy").asText());
            node.path("InlinePolicies").fields().forEachRemaining(e -> role.inlinePolicies.put(e.getKey(),
                    e.getValue().asText()));
            node.path("AttachedPolicyArns").forEach(arn -> role.attachedPolicyArns.add(arn.asText()));
            entities.roles.put(role.name, role);
        }
        for (JsonNode node : root.path("Policies")) {
            IamEntities.Policy policy = new IamEntities.Policy(node.path("Name").asText(), node.path("Id").asText(),
                    node.path("Arn").asText(), node.path("Path").asText(), Instant.parse(node.path("Created").asText()),
                    node.path("Description").isNull() ? null : node.path("Description").asText(),
                    node.path("Document").asText(), node.path("Version").asInt());
            entities.policies.put(policy.arn(), policy);
        }
        return entities;
    }
}
