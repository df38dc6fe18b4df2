package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::IAM::ManagedPolicy: Ref is the policy ARN. ManagedPolicyName, Path and Description replace
 * it; a new PolicyDocument becomes the default version; Roles are attached and detached in place.
 */
public final class IamManagedPolicyResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::IAM::ManagedPolicy";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("PolicyArn", "PolicyId", "DefaultVersionId");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("ManagedPolicyName", "Path", "Description");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("ManagedPolicyName") != null ? context.text("ManagedPolicyName")
                : context.generatedName(128, false);
        ObjectNode input = ResourceContext.input().put("PolicyName", name)
                .put("PolicyDocument", IamResources.document(context.properties().get("PolicyDocument")));
        if (context.text("Path") != null) {
            input.put("Path", context.text("Path"));
        }
        if (context.text("Description") != null) {
            input.put("Description", context.text("Description"));
        }
        JsonNode policy = context.call(IamResources.IAM, "CreatePolicy", input).path("Policy");
        String arn = policy.path("Arn").asText();
        IamResources.names(context.properties().get("Roles")).forEach(role -> attach(context, role, arn, "AttachRolePolicy"));
        return ProvisionedResource.of(arn, "PolicyArn", arn, "PolicyId", policy.path("PolicyId").asText(),
                "DefaultVersionId", policy.path("DefaultVersionId").asText("v1"));
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String arn = current.physicalId();
        JsonNode document = context.properties().get("PolicyDocument");
        if (!Objects.equals(document, previous.get("PolicyDocument"))) {
            context.call(IamResources.IAM, "CreatePolicyVersion", ResourceContext.input().put("PolicyArn", arn)
                    .put("PolicyDocument", IamResources.document(document)).put("SetAsDefault", true));
        }
        Set<String> before = IamResources.names(previous.get("Roles"));
        Set<String> after = IamResources.names(context.properties().get("Roles"));
        before.stream().filter(r -> !after.contains(r))
                .forEach(r -> IamResources.ignoringMissing(() -> attach(context, r, arn, "DetachRolePolicy")));
        after.stream().filter(r -> !before.contains(r)).forEach(r -> attach(context, r, arn, "AttachRolePolicy"));
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        String arn = current.physicalId();
        if (context.properties() != null) {
            IamResources.names(context.properties().get("Roles"))
                    .forEach(r -> IamResources.ignoringMissing(() -> attach(context, r, arn, "DetachRolePolicy")));
        }
        IamResources.ignoringMissing(() -> context.call(IamResources.IAM, "DeletePolicy",
                ResourceContext.input().put("PolicyArn", arn)));
    }

    private static void attach(ResourceContext context, String role, String arn, String operation) {
        context.call(IamResources.IAM, operation, ResourceContext.input().put("RoleName", role).put("PolicyArn", arn));
    }
}
