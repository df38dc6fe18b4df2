package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::KinesisFirehose::DeliveryStream: Ref is the delivery stream name, Fn::GetAtt Arn. Tags
 * change in place; any other change replaces the delivery stream (the local cloud has no
 * UpdateDestination).
 */
public final class DeliveryStreamResource implements ResourceHandler {

    private static final String[] PASSED_THROUGH = {"DeliveryStreamType", "ExtendedS3DestinationConfiguration",
        "S3DestinationConfiguration", "KinesisStreamSourceConfiguration", "RedshiftDestinationConfiguration",
        "ElasticsearchDestinationConfiguration", "AmazonopensearchserviceDestinationConfiguration",
        "SplunkDestinationConfiguration", "HttpEndpointDestinationConfiguration",
        "AmazonOpenSearchServerlessDestinationConfiguration", "SnowflakeDestinationConfiguration",
        "IcebergDestinationConfiguration", "MSKSourceConfiguration", "DeliveryStreamEncryptionConfigurationInput"};

    @Override
    public String type() {
        return "AWS::KinesisFirehose::DeliveryStream";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn");
    }

    @Override
    public Set<String> replacementProperties() {
        Set<String> replacing = new HashSet<>(Set.of(PASSED_THROUGH));
        replacing.add("DeliveryStreamName");
        return replacing;
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("DeliveryStreamName") != null ? context.text("DeliveryStreamName")
                : context.generatedName(64, false);
        ObjectNode input = ResourceContext.input().put("DeliveryStreamName", name);
        for (String property : PASSED_THROUGH) {
            JsonNode value = context.properties().get(property);
            if (value != null && !value.isNull()) {
                input.set(property, value.deepCopy());
            }
        }
        if (context.properties().has("Tags")) {
            input.set("Tags", context.properties().get("Tags").deepCopy());
        }
        JsonNode created = context.call("firehose", "CreateDeliveryStream", input);
        return ProvisionedResource.of(name, "Arn", created.path("DeliveryStreamARN").asText());
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        if (!Objects.equals(context.properties().get("Tags"), previous.get("Tags"))) {
            ArrayNode keys = ResourceContext.input().putArray("TagKeys");
            previous.path("Tags").forEach(tag -> keys.add(tag.path("Key").asText()));
            if (!keys.isEmpty()) {
                ObjectNode untag = ResourceContext.input().put("DeliveryStreamName", current.physicalId());
                untag.set("TagKeys", keys);
                context.call("firehose", "UntagDeliveryStream", untag);
            }
            if (context.properties().path("Tags").size() > 0) {
                ObjectNode tag = ResourceContext.input().put("DeliveryStreamName", current.physicalId());
                tag.set("Tags", context.properties().get("Tags").deepCopy());
                context.call("firehose", "TagDeliveryStream", tag);
            }
        }
        JsonNode described = context.call("firehose", "DescribeDeliveryStream",
                ResourceContext.input().put("DeliveryStreamName", current.physicalId()));
        return ProvisionedResource.of(current.physicalId(), "Arn",
                described.path("DeliveryStreamDescription").path("DeliveryStreamARN").asText());
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            context.call("firehose", "DeleteDeliveryStream",
                    ResourceContext.input().put("DeliveryStreamName", current.physicalId()));
        } catch (AwsServiceException e) {
            if (!FirehoseErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }
}
