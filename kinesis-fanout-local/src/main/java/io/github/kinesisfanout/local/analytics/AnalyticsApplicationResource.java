package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceFailure;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::KinesisAnalytics::Application (SQL, API v1): Ref is the application name. The template's
 * properties have the shape of CreateApplication's members (ApplicationCode, Inputs with
 * NamePrefix, InputSchema, KinesisStreamsInput, InputParallelism), so they pass through. A new
 * ApplicationName replaces it; code, description and the input change in place (UpdateApplication).
 */
public final class AnalyticsApplicationResource implements ResourceHandler {

    static final String ANALYTICS = "kinesisanalytics";

    @Override
    public String type() {
        return "AWS::KinesisAnalytics::Application";
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
        String name = context.text("ApplicationName") != null ? context.text("ApplicationName")
                : context.generatedName(128, false);
        ObjectNode input = ResourceContext.input().put("ApplicationName", name);
        for (String member : new String[] {"ApplicationDescription", "ApplicationCode", "Inputs"}) {
            if (context.properties().has(member)) {
                input.set(member, context.properties().get(member));
            }
        }
        context.call(ANALYTICS, "CreateApplication", input);
        return ProvisionedResource.of(name);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        ObjectNode properties = context.properties();
        ObjectNode update = ResourceContext.input();
        if (!Objects.equals(properties.get("ApplicationCode"), previous.get("ApplicationCode"))) {
            update.put("ApplicationCodeUpdate", properties.path("ApplicationCode").asText(""));
        }
        JsonNode detail = describe(context, current.physicalId());
        if (!Objects.equals(properties.get("Inputs"), previous.get("Inputs")) && properties.path("Inputs").size() == 1
                && detail.path("InputDescriptions").size() == 1) {
            update.putArray("InputUpdates").add(inputUpdate(properties.path("Inputs").get(0),
                    detail.path("InputDescriptions").get(0).path("InputId").asText()));
        }
        if (!update.isEmpty()) {
            context.call(ANALYTICS, "UpdateApplication", ResourceContext.input().put("ApplicationName", current.physicalId())
                    .put("CurrentApplicationVersionId", detail.path("ApplicationVersionId").asLong())
                    .set("ApplicationUpdate", update));
        }
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            JsonNode detail = describe(context, current.physicalId());
            context.call(ANALYTICS, "DeleteApplication", ResourceContext.input()
                    .put("ApplicationName", current.physicalId()).set("CreateTimestamp", detail.get("CreateTimestamp")));
        } catch (AwsServiceException e) {
            if (!AnalyticsErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }

    /** The ApplicationDetail of DescribeApplication. */
    static JsonNode describe(ResourceContext context, String name) {
        return context.call(ANALYTICS, "DescribeApplication", ResourceContext.input().put("ApplicationName", name))
                .path("ApplicationDetail");
    }

    /**
     * A request naming the application at the version DescribeApplication reports now: every
     * change to an application must pass CurrentApplicationVersionId.
     */
    /**
     * The id of an application's sub-resource (output, reference data source) from DescribeApplication: in the
     * list {@code descriptions}, the entry whose {@code nameMember} is {@code name}; its {@code idMember}.
     */
    static String subResourceId(ResourceContext context, String application, String descriptions, String nameMember,
            String name, String idMember, String what) {
        for (JsonNode description : describe(context, application).path(descriptions)) {
            if (description.path(nameMember).asText().equals(name)) {
                return description.path(idMember).asText();
            }
        }
        throw new ResourceFailure(what + " " + name + " was added to " + application + " but DescribeApplication does"
                + " not list it");
    }

    /**
     * Deletes a sub-resource at the application's current version; an application (and so its sub-resources)
     * already gone, or a sub-resource already removed, is success.
     */
    static void deleteSubResource(ResourceContext context, String operation, String application, String idMember,
            String id) {
        try {
            context.call(ANALYTICS, operation, atCurrentVersion(context, application).put(idMember, id));
        } catch (AwsServiceException e) {
            if (!AnalyticsErrors.RESOURCE_NOT_FOUND.is(e) && !AnalyticsErrors.INVALID_ARGUMENT.is(e)) {
                throw e;
            }
        }
    }

    static ObjectNode atCurrentVersion(ResourceContext context, String name) {
        return ResourceContext.input().put("ApplicationName", name)
                .put("CurrentApplicationVersionId", describe(context, name).path("ApplicationVersionId").asLong());
    }

    /** An Input of the template as UpdateApplication's InputUpdate for the existing input. */
    private static ObjectNode inputUpdate(JsonNode input, String inputId) {
        ObjectNode update = ResourceContext.input().put("InputId", inputId);
        if (input.has("NamePrefix")) {
            update.put("NamePrefixUpdate", input.get("NamePrefix").asText());
        }
        for (String kind : new String[] {ApplicationInput.KINESIS, ApplicationInput.FIREHOSE}) {
            JsonNode source = input.get(kind);
            if (source != null) {
                update.putObject(kind + "Update").put("ResourceARNUpdate", source.path("ResourceARN").asText())
                        .put("RoleARNUpdate", source.path("RoleARN").asText());
            }
        }
        JsonNode schema = input.get("InputSchema");
        if (schema != null) {
            ObjectNode schemaUpdate = update.putObject("InputSchemaUpdate");
            schemaUpdate.set("RecordFormatUpdate", schema.get("RecordFormat"));
            schemaUpdate.set("RecordColumnUpdates", schema.get("RecordColumns"));
            if (schema.has("RecordEncoding")) {
                schemaUpdate.set("RecordEncodingUpdate", schema.get("RecordEncoding"));
            }
        }
        if (input.has("InputParallelism")) {
            update.putObject("InputParallelismUpdate").set("CountUpdate", input.path("InputParallelism").get("Count"));
        }
        return update;
    }
}
