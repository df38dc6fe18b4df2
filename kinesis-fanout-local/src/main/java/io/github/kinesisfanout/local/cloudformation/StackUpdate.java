package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.DependencyGraph;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The update state machine: adds, updates in place or replaces resources in dependency order, then
 * cleans up (old physical resources of replacements, removed resources); on failure restores the
 * previous resources and definition (UPDATE_ROLLBACK_COMPLETE).
 */
final class StackUpdate {

    /** One change made so far, undone in reverse on rollback. */
    private record Done(String logicalId, StackResource before, boolean replaced) {
    }

    private final ResourceSteps steps;
    private final StackEngine engine;

    StackUpdate(ResourceSteps steps, StackEngine engine) {
        this.steps = steps;
        this.engine = engine;
    }

    void update(Stack stack, StackDefinition next, RequestContext request, Exports exports) {
        StackDefinition previous = stack.definition();
        Map<String, StackResource> before = stack.resources();
        List<StackOutput> previousOutputs = stack.outputs();
        List<Done> done = new ArrayList<>();
        stack.definition(next);
        List<String> kept = new ArrayList<>();
        try {
            StackEvaluation evaluation = new StackEvaluation(stack, next, request, exports);
            for (String id : DependencyGraph.of(next.template()).creationOrder()) {
                ResourceDeclaration declaration = next.template().resources().get(id);
                if (evaluation.included(declaration)) {
                    kept.add(id);
                    apply(stack, declaration, evaluation, request, done);
                }
            }
            stack.outputs(StackOutputs.resolve(stack, next, evaluation, exports));
            stack.imports(evaluation.imported());
        } catch (StepFailure failure) {
            rollback(stack, previous, before, previousOutputs, done, request, failure);
            return;
        }
        stack.transition("UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null, steps.now());
        for (Done change : done) {
            if (change.replaced()) {
                ResourceDeclaration declaration = previous.template().resources().get(change.logicalId());
                steps.delete(stack, change.before(), declaration != null && declaration.retained(), request, false);
            }
        }
        for (String id : StackEngine.deletionOrder(stack, previous.template())) {
            if (!kept.contains(id)) {
                ResourceDeclaration declaration = previous.template().resources().get(id);
                steps.delete(stack, stack.resource(id), declaration != null && declaration.retained(), request, true);
                stack.removeResource(id);
            }
        }
        stack.transition("UPDATE_COMPLETE", null, steps.now());
    }

    private void apply(Stack stack, ResourceDeclaration declaration, StackEvaluation evaluation,
            RequestContext request, List<Done> done) {
        String id = declaration.logicalId();
        StackResource current = stack.resource(id);
        if (current == null || current.provisioned() == null) {
            done.add(new Done(id, null, false));
            steps.create(stack, declaration, evaluation, request, "CREATE", null);
            return;
        }
        ObjectNode properties;
        try {
            properties = steps.resolve(declaration, evaluation);
        } catch (RuntimeException e) {
            stack.resourceEvent(current.withStatus("UPDATE_FAILED", e.getMessage(), steps.now()), null);
            throw new StepFailure(id, e.getMessage());
        }
        boolean sameType = current.type().equals(declaration.type());
        if (sameType && properties.equals(current.properties())) {
            return;
        }
        if (!sameType || PropertyChanges.requiresReplacement(steps.handlers(), declaration.type(),
                current.properties(), properties)) {
            done.add(new Done(id, current, true));
            steps.create(stack, declaration, evaluation, request, "UPDATE", current);
        } else {
            done.add(new Done(id, current, false));
            steps.update(stack, current, properties, request, "UPDATE");
        }
    }

    private void rollback(Stack stack, StackDefinition previous, Map<String, StackResource> before,
            List<StackOutput> previousOutputs, List<Done> done, RequestContext request, StepFailure failure) {
        String reason = failure.logicalId() == null ? failure.getMessage()
                : "The following resource(s) failed to update: [" + failure.logicalId() + "]. ";
        stack.transition("UPDATE_ROLLBACK_IN_PROGRESS", reason, steps.now());
        List<Done> undo = new ArrayList<>(done);
        Collections.reverse(undo);
        for (Done change : undo) {
            StackResource now = stack.resource(change.logicalId());
            if (change.before() == null) {
                if (now != null) {
                    steps.delete(stack, now, false, request, true);
                    stack.removeResource(change.logicalId());
                }
            } else if (change.replaced()) {
                if (now != null && now.provisioned() != null && now != change.before()
                        && !now.physicalId().equals(change.before().physicalId())) {
                    steps.delete(stack, now, false, request, false);
                }
                stack.resourceEvent(change.before().withStatus("UPDATE_COMPLETE", null, steps.now()), null);
            } else if (now != null && now.provisioned() != null) {
                try {
                    steps.update(stack, now, change.before().properties(), request, "UPDATE");
                } catch (StepFailure ignored) {
                    // the failed event is recorded; rollback goes on with the other resources
                }
            } else {
                stack.resourceEvent(change.before().withStatus("UPDATE_COMPLETE", null, steps.now()), null);
            }
        }
        stack.definition(previous);
        stack.outputs(previousOutputs);
        stack.transition("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null, steps.now());
        before.forEach((id, resource) -> {
            if (stack.resource(id) == null) {
                stack.putResource(resource);
            }
        });
        stack.transition("UPDATE_ROLLBACK_COMPLETE", null, steps.now());
    }
}
