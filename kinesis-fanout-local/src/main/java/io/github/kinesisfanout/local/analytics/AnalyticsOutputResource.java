package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceFailure;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import java.util.Map;
import java.util.Set;

/**
 * AWS::KinesisAnalytics::ApplicationOutput: one destination of an application, added with
 * AddApplicationOutput at the version DescribeApplication reports. Ref is a generated id; the
 * service's OutputId is kept to update (UpdateApplication OutputUpdates) and delete it.
 */
public final class AnalyticsOutputResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::KinesisAnalytics::ApplicationOutput";
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
        JsonNode output = context.properties().get("Output");
        if (output == null || !output.has("Name")) {
            throw new ResourceFailure("Properties validation failed for resource " + context.logicalId()
                    + " with message: #/Output: required key [Name] not found");
        }
        context.call(AnalyticsApplicationResource.ANALYTICS, "AddApplicationOutput",
                AnalyticsApplicationResource.atCurrentVersion(context, application).set("Output", output));
        String outputId = outputId(context, application, output.get("Name").asText());
        return new ProvisionedResource(context.generatedName(64, false), Map.of("OutputId", TextNode.valueOf(outputId)));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String application = context.required("ApplicationName");
        JsonNode output = context.properties().path("Output");
        ObjectNode update = ResourceContext.input().put("OutputId", current.attributes().get("OutputId").asText());
        update.put("NameUpdate", output.path("Name").asText());
        for (String kind : new String[] {"KinesisStreamsOutput", "KinesisFirehoseOutput", "LambdaOutput"}) {
            if (output.has(kind)) {
                update.putObject(kind + "Update").put("ResourceARNUpdate", output.path(kind).path("ResourceARN").asText())
                        .put("RoleARNUpdate", output.path(kind).path("RoleARN").asText());
            }
        }
        if (output.has("DestinationSchema")) {
            update.set("DestinationSchemaUpdate", output.get("DestinationSchema"));
        }
        ObjectNode applicationUpdate = ResourceContext.input();
        applicationUpdate.putArray("OutputUpdates").add(update);
        context.call(AnalyticsApplicationResource.ANALYTICS, "UpdateApplication",
                AnalyticsApplicationResource.atCurrentVersion(context, application).set("ApplicationUpdate", applicationUpdate));
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        AnalyticsApplicationResource.deleteSubResource(context, "DeleteApplicationOutput",
                context.properties().path("ApplicationName").asText(), "OutputId",
                current.attributes().get("OutputId").asText());
    }

    private static String outputId(ResourceContext context, String application, String name) {
        return AnalyticsApplicationResource.subResourceId(context, application, "OutputDescriptions", "Name", name,
                "OutputId", "Output");
    }
}
