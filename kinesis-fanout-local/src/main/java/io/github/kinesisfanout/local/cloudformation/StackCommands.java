package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.ValidationErrors;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** CreateStack, UpdateStack and DeleteStack: validate synchronously, then run on the executor. */
final class StackCommands {

    private static final Pattern STACK_NAME = Pattern.compile("[a-zA-Z][-a-zA-Z0-9]{0,127}");
    private static final Set<String> UPDATABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE",
            "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    private final Deployments deployments;

    StackCommands(Deployments deployments) {
        this.deployments = deployments;
    }

    JsonNode createStack(ObjectNode input, RequestContext request, StackStore store) {
        String name = stackName(QueryInput.required(input, "StackName"));
        TemplateSource source = TemplateSource.of(input, null, deployments);
        StackDefinition definition = definition(input, source, Map.of(), null);
        Stack stack = newStack(name, request, "CREATE_IN_PROGRESS", definition);
        store.add(stack);
        String onFailure = QueryInput.text(input, "OnFailure");
        stack.transition("CREATE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
        deployments.submit(stack, "CREATE_FAILED", () -> {
            deployments.engine().create(stack, request, store);
            if ("DELETE".equals(onFailure) && stack.status().equals("ROLLBACK_COMPLETE")) {
                stack.transition("DELETE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
                deployments.engine().delete(stack, request, store, () -> store.deleted(stack));
            }
        });
        return JsonNodeFactory.instance.objectNode().put("StackId", stack.stackId());
    }

    JsonNode updateStack(ObjectNode input, RequestContext request, StackStore store) {
        String name = QueryInput.required(input, "StackName");
        // UpdateStack words a missing stack differently from DescribeStacks.
        Stack stack = store.find(name).orElseThrow(() -> CloudFormationErrors.VALIDATION_ERROR.error(
                "Stack [" + name + "] does not exist"));
        TemplateSource source = TemplateSource.of(input, stack, deployments);
        StackDefinition current = stack.definition();
        StackDefinition next = definition(input, source, current.parameters(), current.tags());
        synchronized (stack) {
            if (!UPDATABLE.contains(stack.status())) {
                throw CloudFormationErrors.VALIDATION_ERROR.error("Stack:" + stack.stackId() + " is in "
                        + stack.status() + " state and can not be updated.");
            }
            if (current.template().body().equals(next.template().body())
                    && current.parameters().equals(next.parameters()) && current.tags().equals(next.tags())) {
                throw CloudFormationErrors.VALIDATION_ERROR.error("No updates are to be performed.");
            }
            stack.transition("UPDATE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
        }
        deployments.submit(stack, "UPDATE_ROLLBACK_FAILED",
                () -> deployments.update().update(stack, next, request, store));
        return JsonNodeFactory.instance.objectNode().put("StackId", stack.stackId());
    }

    /** DeleteStack of a stack that does not exist succeeds, as on AWS. */
    JsonNode deleteStack(ObjectNode input, RequestContext request, StackStore store) {
        String name = QueryInput.required(input, "StackName");
        Stack stack = store.find(name).orElse(null);
        if (stack == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        synchronized (stack) {
            String status = stack.status();
            if (status.equals("DELETE_COMPLETE") || status.equals("DELETE_IN_PROGRESS")) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (status.endsWith("_IN_PROGRESS") && !status.equals("REVIEW_IN_PROGRESS")) {
                throw CloudFormationErrors.VALIDATION_ERROR.error("Stack [" + stack.stackName() + "] cannot be"
                        + " deleted while in status " + status);
            }
            stack.transition("DELETE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
        }
        deployments.submit(stack, "DELETE_FAILED",
                () -> deployments.engine().delete(stack, request, store, () -> store.deleted(stack)));
        return JsonNodeFactory.instance.objectNode();
    }

    /** Builds what a request asks the stack to be; checks parameters and capabilities. */
    StackDefinition definition(ObjectNode input, TemplateSource source, Map<String, String> previousParameters,
            Map<String, String> previousTags) {
        Map<String, String> parameters = ParameterValues.resolve(source.template(),
                QueryInput.list(input, "Parameters"), previousParameters);
        var capabilities = QueryInput.strings(input, "Capabilities");
        Capabilities.check(source.template(), capabilities);
        Map<String, String> tags = QueryInput.tags(input);
        if (tags == null) {
            tags = previousTags == null ? Map.of() : previousTags;
        }
        return new StackDefinition(source.body(), source.template(), parameters, capabilities, tags,
                QueryInput.strings(input, "NotificationARNs"), QueryInput.bool(input, "DisableRollback")
                        || "DO_NOTHING".equals(QueryInput.text(input, "OnFailure")));
    }

    Stack newStack(String name, RequestContext request, String status, StackDefinition definition) {
        String id = "arn:aws:cloudformation:" + request.region() + ":" + request.accountId() + ":stack/" + name
                + "/" + UUID.randomUUID();
        return new Stack(id, name, deployments.clock().instant(), status, definition);
    }

    static String stackName(String name) {
        if (!STACK_NAME.matcher(name).matches()) {
            throw ValidationErrors.of(CloudFormationErrors.VALIDATION_ERROR, name, "stackName",
                    "Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*");
        }
        return name;
    }
}
