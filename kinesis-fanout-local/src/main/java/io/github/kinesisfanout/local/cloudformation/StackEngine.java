package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.cloudformation.template.DependencyGraph;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.Template;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The create and delete state machines of a stack, run on the service's executor: resources in
 * dependency order, rollback (reverse order deletion) when one fails.
 */
final class StackEngine {

    private final ResourceSteps steps;

    StackEngine(ResourceSteps steps) {
        this.steps = steps;
    }

    /** From CREATE_IN_PROGRESS (set by the caller): CREATE_COMPLETE, or -> ROLLBACK_IN_PROGRESS -> ROLLBACK_COMPLETE. */
    void create(Stack stack, RequestContext request, Exports exports) {
        StackDefinition definition = stack.definition();
        try {
            StackEvaluation evaluation = new StackEvaluation(stack, definition, request, exports);
            for (String id : DependencyGraph.of(definition.template()).creationOrder()) {
                ResourceDeclaration declaration = definition.template().resources().get(id);
                if (evaluation.included(declaration)) {
                    steps.create(stack, declaration, evaluation, request, "CREATE", null);
                }
            }
            stack.outputs(StackOutputs.resolve(stack, definition, evaluation, exports));
            stack.imports(evaluation.imported());
            stack.transition("CREATE_COMPLETE", null, steps.now());
        } catch (StepFailure failure) {
            String reason = failure.logicalId() == null ? failure.getMessage()
                    : "The following resource(s) failed to create: [" + failure.logicalId() + "]. ";
            if (definition.disableRollback()) {
                stack.transition("CREATE_FAILED", reason, steps.now());
                return;
            }
            stack.transition("ROLLBACK_IN_PROGRESS", reason + (failure.logicalId() == null ? "" : "Rollback requested by user."),
                    steps.now());
            List<String> failed = deleteAll(stack, definition.template(), request);
            stack.transition(failed.isEmpty() ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED",
                    failed.isEmpty() ? null : "The following resource(s) failed to delete: " + failed + ". ",
                    steps.now());
        }
    }

    /** From DELETE_IN_PROGRESS (set by the caller): DELETE_COMPLETE (DeletionPolicy Retain skips), or DELETE_FAILED. */
    void delete(Stack stack, RequestContext request, Exports exports, Runnable onDeleted) {
        for (StackOutput output : stack.outputs()) {
            String importer = output.exportName() == null ? null
                    : exports.importingStackName(output.exportName(), stack).orElse(null);
            if (importer != null) {
                // AWS refuses to remove an export another stack still imports.
                stack.transition("DELETE_FAILED", "Export " + output.exportName() + " cannot be deleted as it is in use by "
                        + importer, steps.now());
                return;
            }
        }
        List<String> failed = deleteAll(stack, stack.definition().template(), request);
        if (failed.isEmpty()) {
            stack.outputs(List.of());
            stack.transition("DELETE_COMPLETE", null, steps.now());
            onDeleted.run();
        } else {
            stack.transition("DELETE_FAILED", "The following resource(s) failed to delete: " + failed + ". ",
                    steps.now());
        }
    }

    /** Deletes every resource the stack holds, dependents first; returns those that failed. */
    List<String> deleteAll(Stack stack, Template template, RequestContext request) {
        List<String> failed = new ArrayList<>();
        for (String id : deletionOrder(stack, template)) {
            StackResource resource = stack.resource(id);
            if (resource == null || resource.status().equals("DELETE_COMPLETE")
                    || resource.status().equals("DELETE_SKIPPED")) {
                continue;
            }
            ResourceDeclaration declaration = template.resources().get(id);
            boolean retain = declaration != null && declaration.retained();
            if (steps.delete(stack, resource, retain, request, true) != null) {
                failed.add(id);
            } else {
                stack.removeResource(id);
            }
        }
        return failed;
    }

    /** Reverse dependency order of the template, then any resource the template no longer names. */
    static List<String> deletionOrder(Stack stack, Template template) {
        Map<String, StackResource> present = stack.resources();
        LinkedHashSet<String> order = new LinkedHashSet<>(DependencyGraph.of(template).deletionOrder());
        order.retainAll(present.keySet());
        List<String> rest = new ArrayList<>(present.keySet());
        rest.removeAll(order);
        java.util.Collections.reverse(rest);
        List<String> all = new ArrayList<>(rest);
        all.addAll(order);
        return all;
    }
}
