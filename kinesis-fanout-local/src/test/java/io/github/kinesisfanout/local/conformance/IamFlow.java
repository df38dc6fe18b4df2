package io.github.kinesisfanout.local.conformance;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Valid requests for every IAM and STS operation the local cloud implements, plus a few that fail. */
final class IamFlow {

    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kinesis:*\",\"Resource\":\"*\"}]}";

    private IamFlow() {
    }

    static void run(IamClient iam, StsClient sts) {
        sts.getCallerIdentity(r -> { });
        iam.createRole(r -> r.roleName("conform").path("/app/").assumeRolePolicyDocument(TRUST)
                .tags(t -> t.key("team").value("data")));
        iam.getRole(r -> r.roleName("conform"));
        iam.listRoles(r -> r.pathPrefix("/app/"));
        iam.updateRole(r -> r.roleName("conform").description("reads streams").maxSessionDuration(7200));
        iam.updateAssumeRolePolicy(r -> r.roleName("conform").policyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("conform").policyName("inline").policyDocument(POLICY));
        iam.getRolePolicy(r -> r.roleName("conform").policyName("inline"));
        iam.listRolePolicies(r -> r.roleName("conform"));
        iam.deleteRolePolicy(r -> r.roleName("conform").policyName("inline"));
        String arn = iam.createPolicy(r -> r.policyName("managed").policyDocument(POLICY)).policy().arn();
        iam.getPolicy(r -> r.policyArn(arn));
        iam.createPolicyVersion(r -> r.policyArn(arn).policyDocument(POLICY).setAsDefault(true));
        iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v2"));
        iam.attachRolePolicy(r -> r.roleName("conform").policyArn(arn));
        iam.listAttachedRolePolicies(r -> r.roleName("conform"));
        iam.getRole(r -> r.roleName("conform"));
        Clients.expectError(() -> iam.getRole(r -> r.roleName("missing")));
        Clients.expectError(() -> iam.createRole(r -> r.roleName("conform").assumeRolePolicyDocument(TRUST)));
        Clients.expectError(() -> iam.listUsers(r -> { }));
        iam.detachRolePolicy(r -> r.roleName("conform").policyArn(arn));
        iam.deletePolicy(r -> r.policyArn(arn));
        iam.deleteRole(r -> r.roleName("conform"));
    }
}
