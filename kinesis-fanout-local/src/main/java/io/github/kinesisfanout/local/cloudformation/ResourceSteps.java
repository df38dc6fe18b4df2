package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The single-resource steps of every stack operation: each records the IN_PROGRESS, COMPLETE or
 * FAILED events AWS emits and turns any failure into a {@link StepFailure} carrying the reason.
 */
final class ResourceSteps {

    private final ResourceHandlers handlers;
    private final ServiceDirectory services;
    private final Clock clock;
    private final Duration statusTransitionDelay;

    ResourceSteps(ResourceHandlers handlers, ServiceDirectory services, Clock clock, Duration statusTransitionDelay) {
        this.handlers = handlers;
        this.services = services;
        this.clock = clock;
        this.statusTransitionDelay = statusTransitionDelay;
    }

    ResourceHandlers handlers() {
        return handlers;
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** Creates one resource; {@code action} is CREATE, or UPDATE when it replaces an existing one. */
    StackResource create(Stack stack, ResourceDeclaration declaration, StackEvaluation evaluation,
            RequestContext request, String action, StackResource replaced) {
        String id = declaration.logicalId();
        StackResource pending = replaced != null
                ? replaced.withStatus(action + "_IN_PROGRESS",
                        "Requested update requires the creation of a new physical resource; hence creating one.", now())
                : new StackResource(id, declaration.type(), action + "_IN_PROGRESS", null, now(), null, null);
        stack.resourceEvent(pending, null);
        pause();
        ObjectNode properties = guard(stack, pending, action, () -> resolve(declaration, evaluation));
        ResourceHandler handler = handler(stack, pending, action, declaration.type());
        ProvisionedResource made = guard(stack, pending, action, () -> handler.create(
                new ResourceContext(id, stack.stackName(), properties, request, services)));
        StackResource initiated = new StackResource(id, declaration.type(), action + "_IN_PROGRESS",
                "Resource creation Initiated", now(), properties, made);
        stack.resourceEvent(initiated, properties.toString());
        pause();
        StackResource done = initiated.withStatus(action + "_COMPLETE", null, now());
        stack.resourceEvent(done, null);
        return done;
    }

    /** Updates one resource in place with new resolved properties. */
    StackResource update(Stack stack, StackResource current, ObjectNode properties, RequestContext request,
            String statusPrefix) {
        StackResource pending = current.withStatus(statusPrefix + "_IN_PROGRESS", null, now());
        stack.resourceEvent(pending, properties.toString());
        pause();
        ResourceHandler handler = handler(stack, pending, statusPrefix, current.type());
        ProvisionedResource made = guard(stack, pending, statusPrefix, () -> handler.update(
                new ResourceContext(current.logicalId(), stack.stackName(), properties, request, services),
                current.provisioned(), current.properties()));
        StackResource done = new StackResource(current.logicalId(), current.type(), statusPrefix + "_COMPLETE",
                null, now(), properties, made);
        stack.resourceEvent(done, null);
        return done;
    }

    /**
     * Deletes one physical resource (DELETE_SKIPPED when retained). Returns the failure reason, or
     * null on success: deletion goes on past a failed resource.
     */
    String delete(Stack stack, StackResource resource, boolean retain, RequestContext request, boolean attached) {
        if (resource.provisioned() == null) {
            record(stack, resource.withStatus("DELETE_COMPLETE", null, now()), attached);
            return null;
        }
        if (retain) {
            record(stack, resource.withStatus("DELETE_SKIPPED", null, now()), attached);
            return null;
        }
        record(stack, resource.withStatus("DELETE_IN_PROGRESS", null, now()), attached);
        pause();
        try {
            ResourceHandler handler = handlers.find(resource.type()).orElseThrow(
                    () -> new ResourceFailure(unsupported(resource.type())));
            handler.delete(new ResourceContext(resource.logicalId(), stack.stackName(),
                    resource.properties(), request, services), resource.provisioned());
        } catch (RuntimeException e) {
            String reason = reason(e);
            record(stack, resource.withStatus("DELETE_FAILED", reason, now()), attached);
            return reason;
        }
        record(stack, resource.withStatus("DELETE_COMPLETE", null, now()), attached);
        return null;
    }

    private void record(Stack stack, StackResource resource, boolean attached) {
        if (attached) {
            stack.resourceEvent(resource, null);
        } else {
            stack.detachedEvent(resource);
        }
    }

    ObjectNode resolve(ResourceDeclaration declaration, StackEvaluation evaluation) {
        JsonNode resolved = evaluation.intrinsics().resolve(declaration.properties());
        return (ObjectNode) resolved;
    }

    private ResourceHandler handler(Stack stack, StackResource pending, String action, String type) {
        return guard(stack, pending, action, () -> handlers.find(type).orElseThrow(
                () -> new ResourceFailure(unsupported(type))));
    }

    private <T> T guard(Stack stack, StackResource pending, String action, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            String reason = reason(e);
            stack.resourceEvent(pending.withStatus(action + "_FAILED", reason, now()), null);
            throw new StepFailure(pending.logicalId(), reason);
        }
    }

    static String unsupported(String type) {
        return "Resource type " + type + " is not supported by the local cloud";
    }

    /** The ResourceStatusReason for a failure, keeping an AWS error's code as AWS handlers do. */
    static String reason(RuntimeException e) {
        if (e instanceof AwsServiceException aws && !CloudFormationErrors.VALIDATION_ERROR.is(aws)) {
            return "Resource handler returned message: \"" + aws.getMessage() + "\" (HandlerErrorCode: "
                    + aws.errorCode() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private void pause() {
        if (statusTransitionDelay.isZero()) {
            return;
        }
        try {
            Thread.sleep(statusTransitionDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
