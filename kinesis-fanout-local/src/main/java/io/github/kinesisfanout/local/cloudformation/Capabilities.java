package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.cloudformation.template.ResourceDeclaration;
import io.github.kinesisfanout.local.cloudformation.template.Template;
import java.util.List;
import java.util.Map;

/**
 * The IAM capability check: a template with IAM resources needs CAPABILITY_IAM, one that names
 * them (RoleName, ManagedPolicyName, ...) CAPABILITY_NAMED_IAM, else InsufficientCapabilitiesException.
 */
final class Capabilities {

    /** IAM types and the property that makes them "named" (null: never named). */
    private static final Map<String, String> IAM_TYPES = Map.of(
            "AWS::IAM::Role", "RoleName",
            "AWS::IAM::ManagedPolicy", "ManagedPolicyName",
            "AWS::IAM::User", "UserName",
            "AWS::IAM::Group", "GroupName",
            "AWS::IAM::InstanceProfile", "InstanceProfileName",
            "AWS::IAM::Policy", "",
            "AWS::IAM::AccessKey", "",
            "AWS::IAM::UserToGroupAddition", "");

    private Capabilities() {
    }

    /** The capability the template needs, or null. */
    static String required(Template template) {
        String needed = null;
        for (ResourceDeclaration resource : template.resources().values()) {
            String nameProperty = IAM_TYPES.get(resource.type());
            if (nameProperty == null) {
                continue;
            }
            if (!nameProperty.isEmpty() && resource.properties().has(nameProperty)) {
                return "CAPABILITY_NAMED_IAM";
            }
            needed = "CAPABILITY_IAM";
        }
        return needed;
    }

    static void check(Template template, List<String> acknowledged) {
        String needed = required(template);
        boolean ok = needed == null || acknowledged.contains("CAPABILITY_NAMED_IAM")
                || needed.equals("CAPABILITY_IAM") && acknowledged.contains("CAPABILITY_IAM");
        if (!ok) {
            throw CloudFormationErrors.INSUFFICIENT_CAPABILITIES.error("Requires capabilities : [" + needed + "]");
        }
    }
}
