package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.cloudformation.Stabilizer;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::Kinesis::Stream: Ref is the stream name, Fn::GetAtt Arn its ARN. A Name change replaces the
 * stream; ShardCount (UpdateShardCount), RetentionPeriodHours and Tags change in place.
 */
public final class KinesisStreamResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::Kinesis::Stream";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("Name");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("Name") != null ? context.text("Name") : context.generatedName(128, false);
        ObjectNode input = ResourceContext.input().put("StreamName", name);
        JsonNode mode = context.properties().path("StreamModeDetails").path("StreamMode");
        if (!mode.isMissingNode()) {
            input.putObject("StreamModeDetails").put("StreamMode", mode.asText());
        }
        if (context.text("ShardCount") != null) {
            input.put("ShardCount", Integer.parseInt(context.text("ShardCount")));
        } else if (mode.isMissingNode()) {
            input.put("ShardCount", 1); // CloudFormation's default when neither is given
        }
        context.call("kinesis", "CreateStream", input);
        awaitActive(context, name);
        if (context.text("RetentionPeriodHours") != null) {
            retention(context, name, 24, Integer.parseInt(context.text("RetentionPeriodHours")));
        }
        addTags(context, name, context.properties().get("Tags"));
        return provisioned(context, name);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String name = current.physicalId();
        String shards = context.text("ShardCount");
        if (shards != null && !shards.equals(previous.path("ShardCount").asText(null))) {
            context.call("kinesis", "UpdateShardCount", ResourceContext.input().put("StreamName", name)
                    .put("TargetShardCount", Integer.parseInt(shards)).put("ScalingType", "UNIFORM_SCALING"));
            awaitActive(context, name);
        }
        String hours = context.text("RetentionPeriodHours");
        String before = previous.path("RetentionPeriodHours").asText("24");
        if (!Objects.equals(hours == null ? "24" : hours, before)) {
            retention(context, name, Integer.parseInt(before), hours == null ? 24 : Integer.parseInt(hours));
        }
        if (!Objects.equals(context.properties().get("Tags"), previous.get("Tags"))) {
            addTags(context, name, context.properties().get("Tags"));
        }
        return provisioned(context, name);
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        String name = current.physicalId();
        try {
            context.call("kinesis", "DeleteStream", ResourceContext.input().put("StreamName", name)
                    .put("EnforceConsumerDeletion", true));
        } catch (AwsServiceException e) {
            if (KinesisErrors.RESOURCE_NOT_FOUND.is(e)) {
                return;
            }
            throw e;
        }
        Stabilizer.await("stream " + name + " to be deleted", () -> status(context, name) == null);
    }

    private static void awaitActive(ResourceContext context, String name) {
        Stabilizer.await("stream " + name + " to become ACTIVE", () -> "ACTIVE".equals(status(context, name)));
    }

    /** The stream's status, or null when it does not exist. */
    private static String status(ResourceContext context, String name) {
        try {
            return context.call("kinesis", "DescribeStreamSummary", ResourceContext.input().put("StreamName", name))
                    .path("StreamDescriptionSummary").path("StreamStatus").asText();
        } catch (AwsServiceException e) {
            if (KinesisErrors.RESOURCE_NOT_FOUND.is(e)) {
                return null;
            }
            throw e;
        }
    }

    private static void retention(ResourceContext context, String name, int before, int after) {
        if (after == before) {
            return;
        }
        String operation = after > before ? "IncreaseStreamRetentionPeriod" : "DecreaseStreamRetentionPeriod";
        context.call("kinesis", operation, ResourceContext.input().put("StreamName", name)
                .put("RetentionPeriodHours", after));
    }

    private static void addTags(ResourceContext context, String name, JsonNode tags) {
        if (tags == null || !tags.isArray() || tags.isEmpty()) {
            return;
        }
        ObjectNode input = ResourceContext.input().put("StreamName", name);
        ObjectNode map = input.putObject("Tags");
        tags.forEach(tag -> map.put(tag.path("Key").asText(), tag.path("Value").asText()));
        context.call("kinesis", "AddTagsToStream", input);
    }

    private static ProvisionedResource provisioned(ResourceContext context, String name) {
        String arn = context.call("kinesis", "DescribeStreamSummary", ResourceContext.input().put("StreamName", name))
                .path("StreamDescriptionSummary").path("StreamARN").asText();
        return ProvisionedResource.of(name, "Arn", arn);
    }
}
