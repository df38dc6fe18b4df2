package io.github.kinesisfanout.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** Roles, inline policies, managed policies and attachments survive a restart on a data directory. */
class DurableIamIT {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kinesis:*\",\"Resource\":\"*\"}]}";

    @TempDir
    Path dir;

    @Test
    void rolesAndPoliciesComeBackAfterARestart() {
        String roleId;
        String policyArn;
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                IamClient iam = SdkClients.client(IamClient.builder(), cloud.endpoint())) {
            roleId = iam.createRole(r -> r.roleName("app-role").path("/service/").assumeRolePolicyDocument(TRUST)
                    .description("reads streams")).role().roleId();
            iam.putRolePolicy(p -> p.roleName("app-role").policyName("inline").policyDocument(POLICY));
            policyArn = iam.createPolicy(p -> p.policyName("managed").policyDocument(POLICY)).policy().arn();
            iam.attachRolePolicy(a -> a.roleName("app-role").policyArn(policyArn));
            iam.createRole(r -> r.roleName("gone").assumeRolePolicyDocument(TRUST));
            iam.deleteRole(d -> d.roleName("gone"));
        }
        try (LocalCloud cloud = LocalCloud.builder().dataDirectory(dir).build().start();
                IamClient iam = SdkClients.client(IamClient.builder(), cloud.endpoint())) {
            var role = iam.getRole(g -> g.roleName("app-role")).role();
            assertEquals(roleId, role.roleId());
            assertEquals("arn:aws:iam::000000000000:role/service/app-role", role.arn());
            assertEquals("reads streams", role.description());
            assertEquals(TRUST, URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
            assertEquals(POLICY, URLDecoder.decode(iam.getRolePolicy(g -> g.roleName("app-role").policyName("inline"))
                    .policyDocument(), StandardCharsets.UTF_8));
            assertEquals(List.of(policyArn), iam.listAttachedRolePolicies(l -> l.roleName("app-role"))
                    .attachedPolicies().stream().map(AttachedPolicy::policyArn).toList());
            assertEquals("managed", iam.getPolicy(g -> g.policyArn(policyArn)).policy().policyName());
            assertThrows(NoSuchEntityException.class, () -> iam.getRole(g -> g.roleName("gone")));
        }
    }
}
