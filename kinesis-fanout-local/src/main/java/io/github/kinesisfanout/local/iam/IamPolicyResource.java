package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.cloudformation.ProvisionedResource;
import io.github.kinesisfanout.local.cloudformation.ResourceContext;
import io.github.kinesisfanout.local.cloudformation.ResourceFailure;
import io.github.kinesisfanout.local.cloudformation.ResourceHandler;
import java.util.Set;

/**
 * AWS::IAM::Policy: an inline policy put on each of its Roles; Ref is a generated id. Every
 * property changes in place (the policy is removed from the old roles and put on the new).
 */
public final class IamPolicyResource implements ResourceHandler {

    @Override
    public String type() {
        return "AWS::IAM::Policy";
    }

    @Override
    public Set<String> attributes() {
        return Set.of("Id");
    }

    @Override
    public Set<String> replacementProperties() {
        return Set.of();
    }

    @Override
    public ProvisionedResource create(ResourceContext context) {
        put(context, context.properties());
        String id = context.generatedName(64, false);
        return ProvisionedResource.of(id, "Id", id);
    }

    @Override
    public ProvisionedResource update(ResourceContext context, ProvisionedResource current, ObjectNode previous) {
        remove(context, previous);
        put(context, context.properties());
        return current;
    }

    @Override
    public void delete(ResourceContext context, ProvisionedResource current) {
        if (context.properties() != null) {
            remove(context, context.properties());
        }
    }

    private static void put(ResourceContext context, ObjectNode properties) {
        String name = context.required("PolicyName");
        String document = IamResources.document(properties.get("PolicyDocument"));
        if (properties.has("Users") || properties.has("Groups")) {
            throw new ResourceFailure("AWS::IAM::Policy " + context.logicalId()
                    + ": Users and Groups are not supported by the local cloud; attach the policy to Roles");
        }
        Set<String> roles = IamResources.names(properties.get("Roles"));
        if (roles.isEmpty()) {
            throw new ResourceFailure("At least one of [Groups,Roles,Users] must be non-empty.");
        }
        roles.forEach(role -> IamResources.putRolePolicy(context, role, name, document));
    }

    private static void remove(ResourceContext context, ObjectNode properties) {
        String name = properties.path("PolicyName").asText();
        IamResources.names(properties.get("Roles")).forEach(role -> IamResources.deleteRolePolicy(context, role, name));
    }
}
