package io.github.kinesisfanout.local.conformance;

import java.time.Duration;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/** Valid requests for every CloudFormation operation the local cloud implements, plus a few that fail. */
final class CloudFormationFlow {

    static final String TEMPLATE = """
            {"Parameters": {"Days": {"Type": "Number", "Default": "7"}},
             "Resources": {"Group": {"Type": "AWS::Logs::LogGroup",
                                     "Properties": {"LogGroupName": "/cfn/conform", "RetentionInDays": {"Ref": "Days"}}}},
             "Outputs": {"GroupArn": {"Value": {"Fn::GetAtt": ["Group", "Arn"]}, "Export": {"Name": "conform-group"}}}}
            """;

    private CloudFormationFlow() {
    }

    static void run(CloudFormationClient cfn) {
        cfn.validateTemplate(r -> r.templateBody(TEMPLATE));
        cfn.getTemplateSummary(r -> r.templateBody(TEMPLATE));
        cfn.createStack(r -> r.stackName("conform").templateBody(TEMPLATE));
        awaitStatus(cfn, "conform", "CREATE_COMPLETE");
        cfn.describeStackEvents(r -> r.stackName("conform"));
        cfn.describeStackResource(r -> r.stackName("conform").logicalResourceId("Group"));
        cfn.describeStackResources(r -> r.stackName("conform"));
        cfn.listStacks(r -> { });
        cfn.listStackResources(r -> r.stackName("conform"));
        cfn.getTemplate(r -> r.stackName("conform"));
        cfn.listExports(r -> { });
        cfn.getTemplateSummary(r -> r.stackName("conform"));
        cfn.createChangeSet(r -> r.stackName("conform").changeSetName("longer").usePreviousTemplate(true)
                .parameters(p -> p.parameterKey("Days").parameterValue("14")));
        Clients.await("change set CREATE_COMPLETE", Duration.ofSeconds(10), () -> cfn.describeChangeSet(
                r -> r.stackName("conform").changeSetName("longer")).statusAsString().equals("CREATE_COMPLETE"));
        cfn.listChangeSets(r -> r.stackName("conform"));
        cfn.executeChangeSet(r -> r.stackName("conform").changeSetName("longer"));
        awaitStatus(cfn, "conform", "UPDATE_COMPLETE");
        cfn.createChangeSet(r -> r.stackName("conform").changeSetName("dropped").usePreviousTemplate(true)
                .parameters(p -> p.parameterKey("Days").parameterValue("30")));
        cfn.deleteChangeSet(r -> r.stackName("conform").changeSetName("dropped"));
        cfn.updateStack(r -> r.stackName("conform").usePreviousTemplate(true)
                .parameters(p -> p.parameterKey("Days").parameterValue("3")));
        awaitStatus(cfn, "conform", "UPDATE_COMPLETE");
        Clients.expectError(() -> cfn.describeStacks(r -> r.stackName("missing")));
        Clients.expectError(() -> cfn.updateStack(r -> r.stackName("conform").usePreviousTemplate(true)
                .parameters(p -> p.parameterKey("Days").parameterValue("3"))));
        Clients.expectError(() -> cfn.listStackSets(r -> { }));
        cfn.deleteStack(r -> r.stackName("conform"));
        Clients.await("stack deleted", Duration.ofSeconds(10), () -> cfn.listStacks(r -> { }).stackSummaries().stream()
                .anyMatch(s -> s.stackName().equals("conform") && s.stackStatusAsString().equals("DELETE_COMPLETE")));
    }

    private static void awaitStatus(CloudFormationClient cfn, String stack, String status) {
        Clients.await(stack + " " + status, Duration.ofSeconds(10), () -> cfn.describeStacks(r -> r.stackName(stack))
                .stacks().get(0).stackStatusAsString().equals(status));
    }
}
