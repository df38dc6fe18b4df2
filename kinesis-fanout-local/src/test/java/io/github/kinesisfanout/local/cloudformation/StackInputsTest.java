package io.github.kinesisfanout.local.cloudformation;

import static io.github.kinesisfanout.local.cloudformation.StackFixture.input;
import static io.github.kinesisfanout.local.cloudformation.StackFixture.stackInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Parameters and NoEcho, IAM capabilities, conditions, exports and template summaries of the CloudFormation service. */
class StackInputsTest {

    private final StackFixture cfn = new StackFixture();

    @AfterEach
    void close() {
        cfn.close();
    }

    @Test
    void parametersAreCheckedAndNoEchoMasked() {
        String template = """
                Parameters:
                  Env: {Type: String, AllowedValues: [dev, prod]}
                  Password: {Type: String, NoEcho: true}
                Resources:
                  A: {Type: Test::Widget, Properties: {Name: !Ref Env, Secret: !Ref Password}}
                """;
        assertEquals("Parameters: [Env, Password] must have values", assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", stackInput("p", template))).getMessage());
        assertEquals("Parameters: [Nope] do not exist in the template", assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", withParameters(stackInput("p", template), "Nope", "x"))).getMessage());
        assertEquals("Parameter 'Env' must be one of AllowedValues", assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", withParameters(stackInput("p", template), "Env", "qa", "Password", "x")))
                .getMessage());
        cfn.call("CreateStack", withParameters(stackInput("p", template), "Env", "dev", "Password", "s3cret"));
        JsonNode stack = cfn.settle("p");
        assertEquals("[{\"ParameterKey\":\"Env\",\"ParameterValue\":\"dev\"},"
                + "{\"ParameterKey\":\"Password\",\"ParameterValue\":\"****\"}]", stack.path("Parameters").toString());
        assertEquals("s3cret", cfn.widgets.widgets.get("dev").path("Secret").asText());
    }

    @Test
    void iamResourcesNeedCapabilities() {
        String named = "Resources: {R: {Type: AWS::IAM::Role, Properties: {RoleName: r}}}";
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", stackInput("iam", named)));
        assertEquals("InsufficientCapabilitiesException", e.errorCode());
        assertEquals("Requires capabilities : [CAPABILITY_NAMED_IAM]", e.getMessage());
        ObjectNode onlyIam = stackInput("iam", named);
        onlyIam.putArray("Capabilities").add("CAPABILITY_IAM");
        assertEquals("Requires capabilities : [CAPABILITY_NAMED_IAM]", assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", onlyIam)).getMessage());
        assertEquals("Requires capabilities : [CAPABILITY_IAM]", assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", stackInput("iam", "Resources: {R: {Type: AWS::IAM::Role}}"))).getMessage());
        JsonNode validated = cfn.call("ValidateTemplate", input().put("TemplateBody", named));
        assertEquals("CAPABILITY_NAMED_IAM", validated.at("/Capabilities/0").asText());
        assertEquals("The following resource(s) require capabilities: [AWS::IAM::Role]",
                validated.path("CapabilitiesReason").asText());
    }

    @Test
    void conditionsGateResourcesAndOutputs() {
        String template = """
                Parameters:
                  Env: {Type: String, Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Always: {Type: Test::Widget, Properties: {Name: always, Size: !If [IsProd, 10, 1]}}
                  OnlyProd: {Type: Test::Widget, Condition: IsProd, Properties: {Name: prod-only}}
                Outputs:
                  Prod: {Condition: IsProd, Value: !Ref OnlyProd}
                """;
        cfn.call("CreateStack", stackInput("c", template));
        JsonNode stack = cfn.settle("c");
        assertEquals("CREATE_COMPLETE", stack.path("StackStatus").asText());
        assertFalse(cfn.widgets.widgets.containsKey("prod-only"));
        assertEquals("1", cfn.widgets.widgets.get("always").path("Size").asText());
        assertTrue(stack.path("Outputs").isEmpty());
        cfn.call("UpdateStack", withParameters(stackInput("c", template), "Env", "prod"));
        stack = cfn.settle("c");
        assertEquals("UPDATE_COMPLETE", stack.path("StackStatus").asText());
        assertEquals("10", cfn.widgets.widgets.get("always").path("Size").asText());
        assertEquals("prod-only", StackLifecycleTest.output(stack, "Prod"));
    }

    @Test
    void exportsAreImportedAndUniquePerRegion() {
        String exporter = """
                Resources:
                  A: {Type: Test::Widget, Properties: {Name: exported}}
                Outputs:
                  Out: {Value: !Ref A, Export: {Name: shared-name}}
                """;
        cfn.call("CreateStack", stackInput("exporter", exporter));
        assertEquals("CREATE_COMPLETE", cfn.settle("exporter").path("StackStatus").asText());
        cfn.call("CreateStack", stackInput("importer",
                "Resources: {B: {Type: Test::Widget, Properties: {Name: importer, From: !ImportValue shared-name}}}"));
        assertEquals("CREATE_COMPLETE", cfn.settle("importer").path("StackStatus").asText());
        assertEquals("exported", cfn.widgets.widgets.get("importer").path("From").asText());
        cfn.call("DeleteStack", input().put("StackName", "exporter"));
        JsonNode refused = cfn.settle("exporter");
        assertEquals("DELETE_FAILED", refused.path("StackStatus").asText());
        assertEquals("Export shared-name cannot be deleted as it is in use by importer",
                refused.path("StackStatusReason").asText());
        assertTrue(cfn.widgets.widgets.containsKey("exported"), "nothing is deleted while the export is in use");
        cfn.call("CreateStack", stackInput("clash", exporter.replace("exported", "other")));
        JsonNode clash = cfn.settle("clash");
        assertEquals("ROLLBACK_COMPLETE", clash.path("StackStatus").asText());
        assertTrue(cfn.events("clash").contains(
                "clash ROLLBACK_IN_PROGRESS Export with name shared-name is already exported by stack exporter"),
                cfn.events("clash").toString());
    }

    @Test
    void templateSummaryListsParametersAndTypes() {
        JsonNode summary = cfn.call("GetTemplateSummary", input().put("TemplateBody", """
                {"Description": "d", "Parameters": {"P": {"Type": "String", "Default": "x", "AllowedValues": ["x", "y"]}},
                 "Resources": {"A": {"Type": "Test::Widget"}, "B": {"Type": "AWS::Kinesis::Stream"}}}"""));
        assertEquals("d", summary.path("Description").asText());
        assertEquals("[\"Test::Widget\",\"AWS::Kinesis::Stream\"]", summary.path("ResourceTypes").toString());
        assertEquals("[\"x\",\"y\"]", summary.at("/Parameters/0/ParameterConstraints/AllowedValues").toString());
        assertEquals("CloudFormation.SetStackPolicy is not supported", assertThrows(AwsServiceException.class,
                () -> cfn.call("SetStackPolicy", input())).getMessage());
    }

    private static ObjectNode withParameters(ObjectNode input, String... keyValues) {
        var list = input.putArray("Parameters");
        for (int i = 0; i < keyValues.length; i += 2) {
            list.addObject().put("ParameterKey", keyValues[i]).put("ParameterValue", keyValues[i + 1]);
        }
        return input;
    }
}
