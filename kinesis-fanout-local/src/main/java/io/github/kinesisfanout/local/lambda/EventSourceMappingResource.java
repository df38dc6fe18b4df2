package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.cloudformation.Stabilizer;
import java.util.Set;

/**
 * AWS::Lambda::EventSourceMapping: Ref is the mapping's UUID, Fn::GetAtt Id. The event source and
 * starting position replace it; batching, retries and Enabled change in place. Waits until the
 * mapping is Enabled (or Disabled when Enabled is false), as CloudFormation does.
 */
public final class EventSourceMappingResource implements ResourceHandler {

    private static final String[] UPDATABLE = {"FunctionName", "BatchSize", "Enabled",
        "MaximumBatchingWindowInSeconds", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
        "MaximumRecordAgeInSeconds", "ParallelizationFactor", "FunctionResponseTypes", "DestinationConfig",
        "TumblingWindowInSeconds", "FilterCriteria"};

    @Override
    public String type() {
        return "AWS::Lambda::EventSourceMapping";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Id", "EventSourceMappingArn");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("EventSourceArn", "StartingPosition", "StartingPositionTimestamp");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        ObjectNode input = ResourceContext.input();
        LambdaResources.copy(context.properties(), input, UPDATABLE);
        LambdaResources.copy(context.properties(), input, "EventSourceArn", "StartingPosition",
                "StartingPositionTimestamp");
        JsonNode created = context.call(LambdaResources.LAMBDA, "CreateEventSourceMapping", input);
        String uuid = created.path("UUID").asText();
        awaitSettled(context, uuid);
        return ProvisionedResource.of(uuid, "Id", uuid, "EventSourceMappingArn",
                created.path("EventSourceMappingArn").asText("arn:aws:lambda:" + context.request().region() + ":"
                        + context.request().accountId() + ":event-source-mapping:" + uuid));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        ObjectNode input = ResourceContext.input().put("UUID", current.physicalId());
        LambdaResources.copy(context.properties(), input, UPDATABLE);
        context.call(LambdaResources.LAMBDA, "UpdateEventSourceMapping", input);
        awaitSettled(context, current.physicalId());
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        LambdaResources.ignoringMissing(() -> context.call(LambdaResources.LAMBDA, "DeleteEventSourceMapping",
                ResourceContext.input().put("UUID", current.physicalId())));
    }

    private static void awaitSettled(ResourceContext context, String uuid) {
        String wanted = "false".equals(context.text("Enabled")) ? "Disabled" : "Enabled";
        Stabilizer.await("event source mapping " + uuid + " to be " + wanted, () -> wanted.equals(
                context.call(LambdaResources.LAMBDA, "GetEventSourceMapping",
                        ResourceContext.input().put("UUID", uuid)).path("State").asText()));
    }
}
