package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the IAM resource handlers share: policy documents as IAM takes them, and tolerant deletes. */
final class IamResources {

    static final String IAM = "iam";

    private IamResources() {
    }

    /** A policy document property (a JSON object in templates, or already a string) as IAM's JSON text. */
    static String document(JsonNode property) {
        return property == null ? null : property.isTextual() ? property.asText() : property.toString();
    }

    /** Inline policies of a role's Policies property, by name. */
    static Map<String, String> inlinePolicies(JsonNode policies) {
        Map<String, String> byName = new LinkedHashMap<>();
        if (policies != null && policies.isArray()) {
            policies.forEach(p -> byName.put(p.path("PolicyName").asText(), document(p.get("PolicyDocument"))));
        }
        return byName;
    }

    /** The text items of a list property (role names, managed policy ARNs). */
    static Set<String> names(JsonNode list) {
        Set<String> names = new LinkedHashSet<>();
        if (list != null && list.isArray()) {
            list.forEach(item -> names.add(item.asText()));
        }
        return names;
    }

    /** Calls IAM, treating NoSuchEntity as done: deleting what is already gone is not an error. */
    static void ignoringMissing(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            if (!IamErrors.NO_SUCH_ENTITY.is(e)) {
                throw e;
            }
        }
    }

    static void putRolePolicy(ResourceContext context, String role, String name, String document) {
        context.call(IAM, "PutRolePolicy", ResourceContext.input().put("RoleName", role).put("PolicyName", name)
                .put("PolicyDocument", document));
    }

    static void deleteRolePolicy(ResourceContext context, String role, String name) {
        ignoringMissing(() -> context.call(IAM, "DeleteRolePolicy",
                ResourceContext.input().put("RoleName", role).put("PolicyName", name)));
    }
}
