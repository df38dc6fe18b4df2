package io.github.kinesisfanout.local.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::Logs::LogGroup: Ref is the log group name, Fn::GetAtt Arn. LogGroupName replaces it;
 * RetentionInDays changes in place.
 */
public final class LogGroupResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::Logs::LogGroup";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("LogGroupName");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("LogGroupName") != null ? context.text("LogGroupName")
                : context.generatedName(512, false);
        context.call("logs", "CreateLogGroup", ResourceContext.input().put("logGroupName", name));
        if (context.text("RetentionInDays") != null) {
            retention(context, name);
        }
        return provisioned(context, name);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        if (!Objects.equals(context.properties().get("RetentionInDays"), previous.get("RetentionInDays"))) {
            retention(context, current.physicalId());
        }
        return provisioned(context, current.physicalId());
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        try {
            context.call("logs", "DeleteLogGroup", ResourceContext.input().put("logGroupName", current.physicalId()));
        } catch (AwsServiceException e) {
            if (!LogsErrors.RESOURCE_NOT_FOUND.is(e)) {
                throw e;
            }
        }
    }

    private static void retention(ResourceContext context, String name) {
        String days = context.text("RetentionInDays");
        if (days == null) {
            context.call("logs", "DeleteRetentionPolicy", ResourceContext.input().put("logGroupName", name));
        } else {
            context.call("logs", "PutRetentionPolicy", ResourceContext.input().put("logGroupName", name)
                    .put("retentionInDays", Integer.parseInt(days)));
        }
    }

    private static ProvisionedResource provisioned(ResourceContext context, String name) {
        return ProvisionedResource.of(name, "Arn", "arn:aws:logs:" + context.request().region() + ":"
                + context.request().accountId() + ":log-group:" + name + ":*");
    }
}
