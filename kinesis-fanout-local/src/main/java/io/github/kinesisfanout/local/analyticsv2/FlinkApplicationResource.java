package io.github.kinesisfanout.local.analyticsv2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::KinesisAnalyticsV2::Application: Ref is the application name. The properties have
 * CreateApplication's shape and pass through; the application is left stopped (READY), as
 * CloudFormation leaves it on AWS. A changed configuration, role or runtime is one UpdateApplication.
 */
public final class FlinkApplicationResource implements ResourceHandler {

    static final String SERVICE = AnalyticsV2Service.SIGNING_NAME;

    @Override
    public String type() {
        return "AWS::KinesisAnalyticsV2::Application";
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("ApplicationName", "ApplicationMode");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("ApplicationName") != null ? context.text("ApplicationName")
                : context.generatedName(128, false);
        ObjectNode input = ResourceContext.input().put("ApplicationName", name);
        for (String member : new String[] {"RuntimeEnvironment", "ServiceExecutionRole", "ApplicationDescription",
                "ApplicationMode", "ApplicationConfiguration", "Tags"}) {
            if (context.properties().has(member)) {
                input.set(member, context.properties().get(member));
            }
        }
        context.call(SERVICE, "CreateApplication", input);
        return ProvisionedResource.of(name);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        ObjectNode properties = context.properties();
        ObjectNode update = atCurrentVersion(context, current.physicalId());
        if (!Objects.equals(properties.get("ApplicationConfiguration"), previous.get("ApplicationConfiguration"))) {
            update.set("ApplicationConfigurationUpdate", asUpdate(properties.path("ApplicationConfiguration")));
        }
        for (String member : new String[] {"ServiceExecutionRole", "RuntimeEnvironment"}) {
            if (!Objects.equals(properties.get(member), previous.get(member))) {
                update.set(member + "Update", properties.get(member));
            }
        }
        if (update.size() > 2) {
            context.call(SERVICE, "UpdateApplication", update);
        }
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            JsonNode detail = describe(context, current.physicalId());
            context.call(SERVICE, "DeleteApplication", ResourceContext.input()
                    .put("ApplicationName", current.physicalId()).set("CreateTimestamp", detail.get("CreateTimestamp")));
        } catch (AwsServiceException e) {
            if (!FlinkErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }

    static JsonNode describe(ResourceContext context, String name) {
        return context.call(SERVICE, "DescribeApplication", ResourceContext.input().put("ApplicationName", name))
                .path("ApplicationDetail");
    }

    /** A request naming the application at the version DescribeApplication reports now. */
    static ObjectNode atCurrentVersion(ResourceContext context, String name) {
        return ResourceContext.input().put("ApplicationName", name)
                .put("CurrentApplicationVersionId", describe(context, name).path("ApplicationVersionId").asLong());
    }

    /** An ApplicationConfiguration as the ApplicationConfigurationUpdate that sets it: every member X as XUpdate. */
    static ObjectNode asUpdate(JsonNode configuration) {
        ObjectNode update = ResourceContext.input();
        for (Iterator<Map.Entry<String, JsonNode>> it = configuration.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("EnvironmentProperties")) {
                update.set("EnvironmentPropertyUpdates", entry.getValue());
            } else {
                update.set(entry.getKey() + "Update", entry.getValue().isObject() ? asUpdate(entry.getValue()) : entry.getValue());
            }
        }
        return update;
    }
}
