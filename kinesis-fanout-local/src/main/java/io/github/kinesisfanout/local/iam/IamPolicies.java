package io.github.kinesisfanout.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.Members;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.edge.Timestamps;

/**
 * IAM policy operations: inline role policies (Put/Get/Delete/ListRolePolicies), customer managed
 * policies (Create/Get/DeletePolicy, GetPolicyVersion) and their attachment to roles. AWS managed
 * policies ({@code arn:aws:iam::aws:policy/...}) can be attached without existing locally.
 */
final class IamPolicies {

    private final IamService iam;

    IamPolicies(IamService iam) {
        this.iam = iam;
    }

    JsonNode invoke(String operation, ObjectNode input, IamEntities entities, RequestContext context) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        switch (operation) {
            case "PutRolePolicy" -> iam.role(entities, input).inlinePolicies.put(
                    Members.required(input, "PolicyName", IamErrors.VALIDATION_ERROR),
                    IamService.document(input, "PolicyDocument"));
            case "GetRolePolicy" -> {
                IamEntities.Role role = iam.role(entities, input);
                String name = Members.required(input, "PolicyName", IamErrors.VALIDATION_ERROR);
                String document = role.inlinePolicies.get(name);
                if (document == null) {
                    throw noSuchEntity("The role policy with name " + name + " cannot be found.");
                }
                output.put("RoleName", role.name).put("PolicyName", name)
                        .put("PolicyDocument", IamService.urlEncode(document));
            }
            case "DeleteRolePolicy" -> {
                String name = Members.required(input, "PolicyName", IamErrors.VALIDATION_ERROR);
                if (iam.role(entities, input).inlinePolicies.remove(name) == null) {
                    throw noSuchEntity("The role policy with name " + name + " cannot be found.");
                }
            }
            case "ListRolePolicies" -> {
                ArrayNode names = output.putArray("PolicyNames");
                iam.role(entities, input).inlinePolicies.keySet().forEach(names::add);
                output.put("IsTruncated", false);
            }
            case "CreatePolicy" -> output.set("Policy", render(create(input, entities, context), 0));
            case "GetPolicy" -> {
                IamEntities.Policy policy = policy(entities, input);
                output.set("Policy", render(policy, attachments(entities, policy.arn())));
            }
            case "GetPolicyVersion" -> {
                IamEntities.Policy policy = policy(entities, input);
                output.putObject("PolicyVersion").put("Document", IamService.urlEncode(policy.document()))
                        .put("VersionId", "v" + policy.version()).put("IsDefaultVersion", true)
                        .set("CreateDate", Timestamps.node(policy.created()));
            }
            case "CreatePolicyVersion" -> {
                // Only the default version is kept: a new version that is not the default is not recorded.
                IamEntities.Policy policy = policy(entities, input);
                String document = IamService.document(input, "PolicyDocument");
                boolean makeDefault = Members.bool(input, "SetAsDefault", false);
                IamEntities.Policy next = new IamEntities.Policy(policy.name(), policy.id(), policy.arn(), policy.path(),
                        policy.created(), policy.description(), makeDefault ? document : policy.document(),
                        makeDefault ? policy.version() + 1 : policy.version());
                entities.policies.put(policy.arn(), next);
                output.putObject("PolicyVersion").put("VersionId", "v" + (policy.version() + 1))
                        .put("IsDefaultVersion", makeDefault).set("CreateDate", Timestamps.node(iam.now()));
            }
            case "DeletePolicy" -> {
                IamEntities.Policy policy = policy(entities, input);
                if (attachments(entities, policy.arn()) > 0) {
                    throw IamErrors.DELETE_CONFLICT.error("Cannot delete a policy attached to entities.");
                }
                entities.policies.remove(policy.arn());
            }
            case "AttachRolePolicy" -> {
                IamEntities.Role role = iam.role(entities, input);
                String arn = Members.required(input, "PolicyArn", IamErrors.VALIDATION_ERROR);
                if (!arn.startsWith("arn:aws:iam::aws:policy/")) {
                    policy(entities, input);
                }
                role.attachedPolicyArns.add(arn);
            }
            case "DetachRolePolicy" -> {
                String arn = Members.required(input, "PolicyArn", IamErrors.VALIDATION_ERROR);
                if (!iam.role(entities, input).attachedPolicyArns.remove(arn)) {
                    throw noSuchEntity("Policy " + arn + " was not found.");
                }
            }
            case "ListAttachedRolePolicies" -> {
                String prefix = Members.text(input, "PathPrefix", "/");
                ArrayNode attached = output.putArray("AttachedPolicies");
                for (String arn : iam.role(entities, input).attachedPolicyArns) {
                    IamEntities.Policy policy = entities.policies.get(arn);
                    if (policy == null || policy.path().startsWith(prefix)) {
                        attached.addObject().put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1))
                                .put("PolicyArn", arn);
                    }
                }
                output.put("IsTruncated", false);
            }
            default -> throw AwsServiceException.notSupported("IAM", operation);
        }
        return output;
    }

    private IamEntities.Policy create(ObjectNode input, IamEntities entities, RequestContext context) {
        String name = Members.required(input, "PolicyName", IamErrors.VALIDATION_ERROR);
        String path = IamService.path(input);
        String arn = "arn:aws:iam::" + context.accountId() + ":policy" + path + name;
        IamEntities.Policy policy = new IamEntities.Policy(name, iam.id("ANPA"), arn, path, iam.now(),
                Members.text(input, "Description"), IamService.document(input, "PolicyDocument"), 1);
        if (entities.policies.putIfAbsent(arn, policy) != null) {
            throw IamErrors.ENTITY_ALREADY_EXISTS.error("A policy called " + name
                    + " already exists. Duplicate names are not allowed.");
        }
        return policy;
    }

    private static IamEntities.Policy policy(IamEntities entities, ObjectNode input) {
        String arn = Members.required(input, "PolicyArn", IamErrors.VALIDATION_ERROR);
        IamEntities.Policy policy = entities.policies.get(arn);
        if (policy == null) {
            throw noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return policy;
    }

    private static int attachments(IamEntities entities, String arn) {
        return (int) entities.roles.values().stream().filter(r -> r.attachedPolicyArns.contains(arn)).count();
    }

    private static ObjectNode render(IamEntities.Policy policy, int attachments) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("PolicyName", policy.name());
        node.put("PolicyId", policy.id());
        node.put("Arn", policy.arn());
        node.put("Path", policy.path());
        node.put("DefaultVersionId", "v" + policy.version());
        node.put("AttachmentCount", attachments);
        node.put("PermissionsBoundaryUsageCount", 0);
        node.put("IsAttachable", true);
        if (policy.description() != null) {
            node.put("Description", policy.description());
        }
        node.set("CreateDate", Timestamps.node(policy.created()));
        node.set("UpdateDate", Timestamps.node(policy.created()));
        return node;
    }

    private static AwsServiceException noSuchEntity(String message) {
        return IamErrors.NO_SUCH_ENTITY.error(message);
    }
}
