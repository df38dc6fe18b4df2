package io.github.kinesisfanout.local.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kinesisfanout.local.LocalCloud;
import io.github.kinesisfanout.local.SdkClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** IAM and STS with the real SDK v2 clients (AWS Query protocol, XML responses). */
class IamIT {

    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"kinesis:*\",\"Resource\":\"*\"}]}";

    private LocalCloud cloud;
    private IamClient iam;

    @BeforeEach
    void start() {
        cloud = LocalCloud.builder().accountId("123456789012").build().start();
        iam = SdkClients.client(IamClient.builder(), cloud.endpoint());
    }

    @AfterEach
    void stop() {
        iam.close();
        cloud.close();
    }

    @Test
    void recordsRolesAndPolicies() {
        Role role = iam.createRole(c -> c.roleName("fanout-role").assumeRolePolicyDocument(TRUST)
                .description("reads and writes streams").tags(t -> t.key("team").value("data"))).role();
        assertEquals("arn:aws:iam::123456789012:role/fanout-role", role.arn());
        assertTrue(role.roleId().matches("AROA[A-Z2-7]{17}"), role.roleId());
        Role fetched = iam.getRole(g -> g.roleName("fanout-role")).role();
        assertEquals(TRUST, URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8));
        assertEquals("data", fetched.tags().get(0).value());
        assertEquals(List.of("fanout-role"), iam.listRoles().roles().stream().map(Role::roleName).toList());

        iam.putRolePolicy(p -> p.roleName("fanout-role").policyName("streams").policyDocument(POLICY));
        assertEquals(POLICY, URLDecoder.decode(iam.getRolePolicy(g -> g.roleName("fanout-role").policyName("streams"))
                .policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("streams"), iam.listRolePolicies(l -> l.roleName("fanout-role")).policyNames());

        Policy policy = iam.createPolicy(c -> c.policyName("logs").policyDocument(POLICY)).policy();
        assertEquals("arn:aws:iam::123456789012:policy/logs", policy.arn());
        iam.attachRolePolicy(a -> a.roleName("fanout-role").policyArn(policy.arn()));
        iam.attachRolePolicy(a -> a.roleName("fanout-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole"));
        assertEquals(List.of("logs", "AWSLambdaKinesisExecutionRole"), iam.listAttachedRolePolicies(
                l -> l.roleName("fanout-role")).attachedPolicies().stream().map(AttachedPolicy::policyName).toList());
        assertEquals(1, iam.getPolicy(g -> g.policyArn(policy.arn())).policy().attachmentCount());
        assertEquals("v2", iam.createPolicyVersion(c -> c.policyArn(policy.arn()).policyDocument(POLICY)
                .setAsDefault(true)).policyVersion().versionId());
        assertEquals("v2", iam.getPolicy(g -> g.policyArn(policy.arn())).policy().defaultVersionId());
        iam.updateRole(u -> u.roleName("fanout-role").description("updated").maxSessionDuration(7200));
        assertEquals(7200, iam.getRole(g -> g.roleName("fanout-role")).role().maxSessionDuration());

        DeleteConflictException inline = assertThrows(DeleteConflictException.class,
                () -> iam.deleteRole(d -> d.roleName("fanout-role")));
        assertEquals("Cannot delete entity, must delete policies first.", inline.awsErrorDetails().errorMessage());
        iam.deleteRolePolicy(d -> d.roleName("fanout-role").policyName("streams"));
        assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(d -> d.policyArn(policy.arn())));
        assertThrows(DeleteConflictException.class, () -> iam.deleteRole(d -> d.roleName("fanout-role")));
        iam.detachRolePolicy(d -> d.roleName("fanout-role").policyArn(policy.arn()));
        iam.detachRolePolicy(d -> d.roleName("fanout-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole"));
        iam.deletePolicy(d -> d.policyArn(policy.arn()));
        iam.deleteRole(d -> d.roleName("fanout-role"));
        assertTrue(iam.listRoles().roles().isEmpty());
    }

    @Test
    void answersIamErrors() {
        NoSuchEntityException missing = assertThrows(NoSuchEntityException.class,
                () -> iam.getRole(g -> g.roleName("nobody")));
        assertEquals("The role with name nobody cannot be found.", missing.awsErrorDetails().errorMessage());
        assertEquals(404, missing.statusCode());
        iam.createRole(c -> c.roleName("twice").assumeRolePolicyDocument(TRUST));
        assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createRole(c -> c.roleName("twice").assumeRolePolicyDocument(TRUST)));
        assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(c -> c.roleName("bad").assumeRolePolicyDocument("not json")));
        assertThrows(NoSuchEntityException.class, () -> iam.attachRolePolicy(a -> a.roleName("twice")
                .policyArn("arn:aws:iam::123456789012:policy/none")));
    }

    @Test
    void stsNamesTheCaller() {
        try (StsClient sts = SdkClients.client(StsClient.builder(), cloud.endpoint())) {
            GetCallerIdentityResponse identity = sts.getCallerIdentity();
            assertEquals("123456789012", identity.account());
            assertEquals("arn:aws:iam::123456789012:root", identity.arn());
        }
    }
}
