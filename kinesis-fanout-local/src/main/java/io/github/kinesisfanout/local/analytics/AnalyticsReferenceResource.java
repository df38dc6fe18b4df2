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
 * AWS::KinesisAnalytics::ApplicationReferenceDataSource: the S3 reference table of an application, added with
 * AddApplicationReferenceDataSource at the version DescribeApplication reports. Ref is a generated id; the
 * service's ReferenceId is kept to update (UpdateApplication ReferenceDataSourceUpdates, which also reloads the
 * table of a running application) and delete it.
 */
public final class AnalyticsReferenceResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::KinesisAnalytics::ApplicationReferenceDataSource";
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
        JsonNode source = context.properties().get("ReferenceDataSource");
        if (source == null || !source.has("TableName")) {
            throw new ResourceFailure("Properties validation failed for resource " + context.logicalId()
                    + " with message: #/ReferenceDataSource: required key [TableName] not found");
        }
        context.call(AnalyticsApplicationResource.ANALYTICS, "AddApplicationReferenceDataSource",
                AnalyticsApplicationResource.atCurrentVersion(context, application).set("ReferenceDataSource", source));
        String referenceId = referenceId(context, application, source.get("TableName").asText());
        return new ProvisionedResource(context.generatedName(64, false),
                Map.of("ReferenceId", TextNode.valueOf(referenceId)));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String application = context.required("ApplicationName");
        JsonNode source = context.properties().path("ReferenceDataSource");
        ObjectNode update = ResourceContext.input().put("ReferenceId", current.attributes().get("ReferenceId").asText());
        update.put("TableNameUpdate", source.path("TableName").asText());
        JsonNode s3 = source.path("S3ReferenceDataSource");
        if (s3.isObject()) {
            update.putObject("S3ReferenceDataSourceUpdate")
                    .put("BucketARNUpdate", s3.path("BucketARN").asText())
                    .put("FileKeyUpdate", s3.path("FileKey").asText())
                    .put("ReferenceRoleARNUpdate", s3.path("ReferenceRoleARN").asText());
        }
        if (source.has("ReferenceSchema")) {
            update.set("ReferenceSchemaUpdate", source.get("ReferenceSchema"));
        }
        ObjectNode applicationUpdate = ResourceContext.input();
        applicationUpdate.putArray("ReferenceDataSourceUpdates").add(update);
        context.call(AnalyticsApplicationResource.ANALYTICS, "UpdateApplication",
                AnalyticsApplicationResource.atCurrentVersion(context, application).set("ApplicationUpdate", applicationUpdate));
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        AnalyticsApplicationResource.deleteSubResource(context, "DeleteApplicationReferenceDataSource",
                context.properties().path("ApplicationName").asText(), "ReferenceId",
                current.attributes().get("ReferenceId").asText());
    }

    private static String referenceId(ResourceContext context, String application, String table) {
        return AnalyticsApplicationResource.subResourceId(context, application, "ReferenceDataSourceDescriptions",
                "TableName", table, "ReferenceId", "Reference data source");
    }
}
