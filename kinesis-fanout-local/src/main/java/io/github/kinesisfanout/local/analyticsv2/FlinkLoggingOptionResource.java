package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceFailure;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Map;
import java.util.Set;

/**
 * AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption: the application's log stream, added
 * with AddApplicationCloudWatchLoggingOption; its CloudWatchLoggingOptionId is kept to update and delete it.
 */
public final class FlinkLoggingOptionResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::KinesisAnalyticsV2::ApplicationCloudWatchLoggingOption";
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("ApplicationName");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String application = context.required("ApplicationName");
        JsonNode option = context.properties().get("CloudWatchLoggingOption");
        if (option == null || !option.has("LogStreamARN")) {
            throw new ResourceFailure("Properties validation failed for resource " + context.logicalId()
                    + " with message: #/CloudWatchLoggingOption: required key [LogStreamARN] not found");
        }
        JsonNode added = context.call(FlinkApplicationResource.SERVICE, "AddApplicationCloudWatchLoggingOption",
                FlinkApplicationResource.atCurrentVersion(context, application).set("CloudWatchLoggingOption", option));
        String id = "";
        for (JsonNode description : added.path("CloudWatchLoggingOptionDescriptions")) {
            if (description.path("LogStreamARN").asText().equals(option.path("LogStreamARN").asText())) {
                id = description.path("CloudWatchLoggingOptionId").asText();
            }
        }
        return new ProvisionedResource(context.generatedName(64, false), Map.of("CloudWatchLoggingOptionId", TextNode.valueOf(id)));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String application = context.required("ApplicationName");
        ObjectNode request = FlinkApplicationResource.atCurrentVersion(context, application);
        request.putArray("CloudWatchLoggingOptionUpdates").addObject()
                .put("CloudWatchLoggingOptionId", current.attributes().get("CloudWatchLoggingOptionId").asText())
                .put("LogStreamARNUpdate", context.properties().path("CloudWatchLoggingOption").path("LogStreamARN").asText());
        context.call(FlinkApplicationResource.SERVICE, "UpdateApplication", request);
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            context.call(FlinkApplicationResource.SERVICE, "DeleteApplicationCloudWatchLoggingOption",
                    FlinkApplicationResource.atCurrentVersion(context, context.required("ApplicationName"))
                            .put("CloudWatchLoggingOptionId", current.attributes().get("CloudWatchLoggingOptionId").asText()));
        } catch (AwsServiceException e) {
            if (!FlinkErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }
}
