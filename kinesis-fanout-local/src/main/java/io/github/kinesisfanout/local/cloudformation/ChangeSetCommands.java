package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.Map;
import java.util.UUID;

/** CreateChangeSet, DescribeChangeSet, ExecuteChangeSet, DeleteChangeSet and ListChangeSets. */
final class ChangeSetCommands {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Deployments deployments;
    private final StackCommands stacks;
    private final ChangePlanner planner;

    ChangeSetCommands(Deployments deployments, StackCommands stacks) {
        this.deployments = deployments;
        this.stacks = stacks;
        this.planner = new ChangePlanner(deployments.handlers());
    }

    JsonNode createChangeSet(ObjectNode input, RequestContext request, StackStore store) {
        String stackName = StackCommands.stackName(QueryInput.required(input, "StackName"));
        String name = QueryInput.required(input, "ChangeSetName");
        String type = QueryInput.text(input, "ChangeSetType") == null ? "UPDATE" : QueryInput.text(input, "ChangeSetType");
        Stack existing = store.find(stackName).orElse(null);
        boolean creating = type.equals("CREATE");
        if (creating && existing != null && !existing.status().equals("REVIEW_IN_PROGRESS")) {
            throw CloudFormationErrors.ALREADY_EXISTS.error("Stack [" + stackName + "] already exists");
        }
        if (!creating && (existing == null || existing.status().equals("REVIEW_IN_PROGRESS"))) {
            throw CloudFormationErrors.VALIDATION_ERROR.error("Stack [" + stackName + "] does not exist");
        }
        TemplateSource source = TemplateSource.of(input, creating ? null : existing, deployments);
        StackDefinition current = existing == null ? null : existing.definition();
        StackDefinition next = stacks.definition(input, source,
                creating || current == null ? Map.of() : current.parameters(), creating ? null : current.tags());
        Stack stack = existing;
        if (stack == null) {
            stack = stacks.newStack(stackName, request, "REVIEW_IN_PROGRESS", next);
            store.add(stack);
            stack.transition("REVIEW_IN_PROGRESS", "User Initiated", deployments.clock().instant());
        }
        String id = "arn:aws:cloudformation:" + request.region() + ":" + request.accountId() + ":changeSet/" + name
                + "/" + UUID.randomUUID();
        ChangeSet changeSet = new ChangeSet(id, name, stack, type, next, QueryInput.text(input, "Description"),
                deployments.clock().instant());
        store.addChangeSet(changeSet);
        ArrayNode changes = planner.plan(stack, next, request, store);
        boolean unchanged = !creating && changes.isEmpty() && current.template().body().equals(next.template().body())
                && current.parameters().equals(next.parameters()) && current.tags().equals(next.tags());
        if (unchanged) {
            // AWS's wording for a change set that would do nothing.
            changeSet.fail("The submitted information didn't contain changes. Submit different information to"
                    + " create a change set.");
        } else {
            changeSet.complete(changes);
        }
        return NODES.objectNode().put("Id", id).put("StackId", stack.stackId());
    }

    JsonNode describeChangeSet(ObjectNode input, StackStore store) {
        ChangeSet changeSet = store.changeSet(QueryInput.required(input, "ChangeSetName"),
                QueryInput.text(input, "StackName"));
        ObjectNode out = summary(changeSet);
        out.set("Parameters", StackShapes.parameters(changeSet.definition()));
        out.set("Capabilities", StackShapes.strings(changeSet.definition().capabilities()));
        out.set("Tags", StackShapes.tags(changeSet.definition()));
        out.set("NotificationARNs", StackShapes.strings(changeSet.definition().notificationArns()));
        out.set("Changes", changeSet.changes());
        return out;
    }

    JsonNode executeChangeSet(ObjectNode input, RequestContext request, StackStore store) {
        ChangeSet changeSet = store.changeSet(QueryInput.required(input, "ChangeSetName"),
                QueryInput.text(input, "StackName"));
        Stack stack = changeSet.stack();
        synchronized (stack) {
            if (!changeSet.executionStatus().equals("AVAILABLE")) {
                throw CloudFormationErrors.INVALID_CHANGE_SET_STATUS.error("ChangeSet [" + changeSet.id()
                        + "] cannot be executed in its current execution status of [" + changeSet.executionStatus()
                        + "]");
            }
            store.removeChangeSets(stack);
            if (changeSet.type().equals("CREATE")) {
                stack.definition(changeSet.definition());
                stack.transition("CREATE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
                deployments.submit(stack, "CREATE_FAILED", () -> deployments.engine().create(stack, request, store));
            } else {
                stack.transition("UPDATE_IN_PROGRESS", "User Initiated", deployments.clock().instant());
                deployments.submit(stack, "UPDATE_ROLLBACK_FAILED",
                        () -> deployments.update().update(stack, changeSet.definition(), request, store));
            }
        }
        return NODES.objectNode();
    }

    JsonNode deleteChangeSet(ObjectNode input, StackStore store) {
        ChangeSet changeSet = store.changeSet(QueryInput.required(input, "ChangeSetName"),
                QueryInput.text(input, "StackName"));
        store.removeChangeSet(changeSet);
        return NODES.objectNode();
    }

    JsonNode listChangeSets(ObjectNode input, StackStore store) {
        Stack stack = store.get(QueryInput.required(input, "StackName"));
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("Summaries");
        store.changeSets(stack).forEach(c -> list.add(summary(c)));
        return out;
    }

    private static ObjectNode summary(ChangeSet changeSet) {
        ObjectNode out = NODES.objectNode();
        out.put("StackId", changeSet.stack().stackId());
        out.put("StackName", changeSet.stack().stackName());
        out.put("ChangeSetId", changeSet.id());
        out.put("ChangeSetName", changeSet.name());
        out.put("ExecutionStatus", changeSet.executionStatus());
        out.put("Status", changeSet.status());
        if (changeSet.statusReason() != null) {
            out.put("StatusReason", changeSet.statusReason());
        }
        out.put("CreationTime", StackShapes.time(changeSet.creationTime()));
        if (changeSet.description() != null) {
            out.put("Description", changeSet.description());
        }
        return out;
    }
}
