package io.github.kinesisfanout.local.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import java.util.Set;

/**
 * AWS::Lambda::Permission: one statement of a function's resource policy (AddPermission); Ref is
 * the generated statement id. Every property replaces it, as on AWS.
 */
public final class LambdaPermissionResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::Lambda::Permission";
    }

    @Override
    public Set<String> attributes() {
        return Set.of();
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("Action", "EventSourceToken", "FunctionName", "FunctionUrlAuthType", "Principal",
                "PrincipalOrgID", "SourceAccount", "SourceArn");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String statementId = context.generatedName(100, false);
        ObjectNode input = ResourceContext.input().put("StatementId", statementId);
        LambdaResources.copy(context.properties(), input, "FunctionName", "Action", "Principal", "SourceArn",
                "SourceAccount", "EventSourceToken", "PrincipalOrgID", "FunctionUrlAuthType");
        context.call(LambdaResources.LAMBDA, "AddPermission", input);
        return ProvisionedResource.of(statementId);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        LambdaResources.ignoringMissing(() -> context.call(LambdaResources.LAMBDA, "RemovePermission",
                ResourceContext.input().put("FunctionName", context.properties().path("FunctionName").asText())
                        .put("StatementId", current.physicalId())));
    }
}
