package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * AWS::IAM::Role: Ref is the role name; Fn::GetAtt Arn and RoleId. RoleName and Path replace the
 * role; the trust policy, inline Policies, ManagedPolicyArns and Description change in place.
 */
public final class IamRoleResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::IAM::Role";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Arn", "RoleId");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of("RoleName", "Path");
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        String name = context.text("RoleName") != null ? context.text("RoleName") : context.generatedName(64, false);
        ObjectNode input = ResourceContext.input().put("RoleName", name)
                .put("AssumeRolePolicyDocument", IamResources.document(context.properties().get("AssumeRolePolicyDocument")));
        copy(context, input, "Path", "Description", "MaxSessionDuration");
        JsonNode tags = context.properties().get("Tags");
        if (tags != null) {
            input.set("Tags", tags);
        }
        JsonNode role = context.call(IamResources.IAM, "CreateRole", input).path("Role");
        IamResources.inlinePolicies(context.properties().get("Policies"))
                .forEach((policy, document) -> IamResources.putRolePolicy(context, name, policy, document));
        for (String arn : IamResources.names(context.properties().get("ManagedPolicyArns"))) {
            attach(context, name, arn, "AttachRolePolicy");
        }
        return ProvisionedResource.of(name, "Arn", role.path("Arn").asText(), "RoleId", role.path("RoleId").asText());
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        String name = current.physicalId();
        JsonNode trust = context.properties().get("AssumeRolePolicyDocument");
        if (!Objects.equals(trust, previous.get("AssumeRolePolicyDocument"))) {
            context.call(IamResources.IAM, "UpdateAssumeRolePolicy", ResourceContext.input().put("RoleName", name)
                    .put("PolicyDocument", IamResources.document(trust)));
        }
        if (!Objects.equals(context.properties().get("Description"), previous.get("Description"))
                || !Objects.equals(context.properties().get("MaxSessionDuration"), previous.get("MaxSessionDuration"))) {
            ObjectNode input = ResourceContext.input().put("RoleName", name);
            copy(context, input, "Description", "MaxSessionDuration");
            context.call(IamResources.IAM, "UpdateRole", input);
        }
        Map<String, String> before = IamResources.inlinePolicies(previous.get("Policies"));
        Map<String, String> after = IamResources.inlinePolicies(context.properties().get("Policies"));
        before.keySet().stream().filter(p -> !after.containsKey(p))
                .forEach(p -> IamResources.deleteRolePolicy(context, name, p));
        after.forEach((policy, document) -> {
            if (!document.equals(before.get(policy))) {
                IamResources.putRolePolicy(context, name, policy, document);
            }
        });
        Set<String> managedBefore = IamResources.names(previous.get("ManagedPolicyArns"));
        Set<String> managedAfter = IamResources.names(context.properties().get("ManagedPolicyArns"));
        managedBefore.stream().filter(a -> !managedAfter.contains(a))
                .forEach(a -> IamResources.ignoringMissing(() -> attach(context, name, a, "DetachRolePolicy")));
        managedAfter.stream().filter(a -> !managedBefore.contains(a)).forEach(a -> attach(context, name, a, "AttachRolePolicy"));
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        String name = current.physicalId();
        ObjectNode properties = context.properties();
        if (properties != null) {
            IamResources.inlinePolicies(properties.get("Policies")).keySet()
                    .forEach(p -> IamResources.deleteRolePolicy(context, name, p));
            IamResources.names(properties.get("ManagedPolicyArns")).forEach(
                    a -> IamResources.ignoringMissing(() -> attach(context, name, a, "DetachRolePolicy")));
        }
        IamResources.ignoringMissing(() -> context.call(IamResources.IAM, "DeleteRole",
                ResourceContext.input().put("RoleName", name)));
    }

    private static void attach(ResourceContext context, String role, String policyArn, String operation) {
        context.call(IamResources.IAM, operation, ResourceContext.input().put("RoleName", role).put("PolicyArn", policyArn));
    }

    private static void copy(ResourceContext context, ObjectNode input, String... names) {
        for (String name : names) {
            if (context.text(name) != null) {
                input.put(name, context.text(name));
            }
        }
    }
}
