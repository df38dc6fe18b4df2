package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.Members;

/**
 * A function's resource-based policy: AddPermission, RemovePermission and GetPolicy. Statements
 * are recorded as Lambda writes them, not enforced.
 */
final class FunctionPolicies {

    private FunctionPolicies() {
    }

    static JsonNode add(LambdaFunction function, ObjectNode input) {
        String id = Members.required(input, "StatementId", LambdaErrors.INVALID_PARAMETER_VALUE);
        String action = Members.required(input, "Action", LambdaErrors.INVALID_PARAMETER_VALUE);
        String principal = Members.required(input, "Principal", LambdaErrors.INVALID_PARAMETER_VALUE);
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Sid", id);
        statement.put("Effect", "Allow");
        // Lambda writes service principals as {"Service": ...} and accounts or ARNs as {"AWS": ...}.
        statement.putObject("Principal").put(principal.endsWith(".amazonaws.com") ? "Service" : "AWS", principal);
        statement.put("Action", action);
        statement.put("Resource", function.arn);
        ObjectNode condition = JsonNodeFactory.instance.objectNode();
        if (Members.has(input, "SourceArn")) {
            condition.putObject("ArnLike").put("AWS:SourceArn", input.get("SourceArn").asText());
        }
        if (Members.has(input, "SourceAccount")) {
            condition.putObject("StringEquals").put("AWS:SourceAccount", input.get("SourceAccount").asText());
        }
        if (!condition.isEmpty()) {
            statement.set("Condition", condition);
        }
        synchronized (function) {
            if (function.statements.putIfAbsent(id, statement) != null) {
                throw LambdaErrors.RESOURCE_CONFLICT.error("The statement id (" + id + ") provided"
                        + " already exists. Please provide a new statement id, or remove the existing statement.");
            }
        }
        return JsonNodeFactory.instance.objectNode().put("Statement", statement.toString());
    }

    static JsonNode remove(LambdaFunction function, ObjectNode input) {
        String id = Members.required(input, "StatementId", LambdaErrors.INVALID_PARAMETER_VALUE);
        synchronized (function) {
            if (function.statements.remove(id) == null) {
                throw LambdaErrors.RESOURCE_NOT_FOUND.error("Statement " + id + " is not found in resource policy.");
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    static JsonNode get(LambdaFunction function) {
        synchronized (function) {
            if (function.statements.isEmpty()) {
                throw LambdaErrors.RESOURCE_NOT_FOUND.error("The resource you requested does not exist.");
            }
            ObjectNode policy = JsonNodeFactory.instance.objectNode();
            policy.put("Version", "2012-10-17");
            policy.put("Id", "default");
            var statements = policy.putArray("Statement");
            function.statements.values().forEach(statements::add);
            return JsonNodeFactory.instance.objectNode().put("Policy", policy.toString())
                    .put("RevisionId", function.configuration.path("RevisionId").asText());
        }
    }
}
