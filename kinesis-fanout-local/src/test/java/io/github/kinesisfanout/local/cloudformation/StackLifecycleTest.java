package io.github.kinesisfanout.local.cloudformation;

import static io.github.kinesisfanout.local.cloudformation.StackFixture.input;
import static io.github.kinesisfanout.local.cloudformation.StackFixture.stackInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Create in dependency order, rollback, unsupported types, template errors and delete of the CloudFormation service. */
class StackLifecycleTest {

    private static final String CHAIN = """
            Parameters:
              Size: {Type: Number, Default: "3"}
            Resources:
              C:
                Type: Test::Widget
                DependsOn: B
                Properties: {Name: c}
              B:
                Type: Test::Widget
                Properties:
                  Name: b
                  Parent: !GetAtt A.Arn
              A:
                Type: Test::Widget
                Properties: {Name: a, Size: !Ref Size}
            Outputs:
              AArn:
                Value: !GetAtt A.Arn
                Export: {Name: !Sub "${AWS::StackName}-AArn"}
              Where: {Value: !Sub "${AWS::Region}/${AWS::AccountId}/${A}"}
            """;

    private final StackFixture cfn = new StackFixture();

    @AfterEach
    void close() {
        cfn.close();
    }

    @Test
    void createsInDependencyOrderAndResolvesOutputs() {
        String stackId = cfn.call("CreateStack", stackInput("chain", CHAIN)).path("StackId").asText();
        assertTrue(stackId.matches("arn:aws:cloudformation:eu-west-1:123456789012:stack/chain/[0-9a-f-]{36}"), stackId);
        JsonNode stack = cfn.settle("chain");
        assertEquals("CREATE_COMPLETE", stack.path("StackStatus").asText());
        assertEquals(List.of("create A", "create B", "create C"), cfn.widgets.calls);
        assertEquals("arn:test:widget/a", cfn.widgets.widgets.get("b").path("Parent").asText());
        assertEquals("3", cfn.widgets.widgets.get("a").path("Size").asText());
        assertEquals("arn:test:widget/a", output(stack, "AArn"));
        assertEquals("eu-west-1/123456789012/a", output(stack, "Where"));
        assertEquals("chain-AArn", cfn.call("ListExports", input()).at("/Exports/0/Name").asText());
        List<String> events = cfn.events("chain");
        assertEquals("chain CREATE_IN_PROGRESS User Initiated", events.get(0));
        assertEquals("chain CREATE_COMPLETE", events.get(events.size() - 1));
        assertEquals("a", cfn.call("DescribeStackResource", input().put("StackName", "chain")
                .put("LogicalResourceId", "A")).at("/StackResourceDetail/PhysicalResourceId").asText());
        assertEquals(3, cfn.call("ListStackResources", input().put("StackName", "chain"))
                .path("StackResourceSummaries").size());
    }

    @Test
    void failedResourceRollsBackWhatWasCreated() {
        cfn.call("CreateStack", stackInput("bad", """
                Resources:
                  A: {Type: Test::Widget, Properties: {Name: a}}
                  B: {Type: Test::Widget, DependsOn: A, Properties: {Name: b, Fail: "true"}}
                """));
        JsonNode stack = cfn.settle("bad");
        assertEquals("ROLLBACK_COMPLETE", stack.path("StackStatus").asText());
        List<String> events = cfn.events("bad");
        assertTrue(events.contains("B CREATE_FAILED Widget B refused to be created"), events.toString());
        assertTrue(events.contains("bad ROLLBACK_IN_PROGRESS The following resource(s) failed to create: [B]. "
                + "Rollback requested by user."), events.toString());
        assertTrue(events.contains("A DELETE_COMPLETE"), events.toString());
        assertTrue(cfn.widgets.widgets.isEmpty());
        AwsServiceException update = assertThrows(AwsServiceException.class,
                () -> cfn.call("UpdateStack", stackInput("bad", "Resources: {A: {Type: Test::Widget}}")));
        assertEquals("Stack:" + stack.path("StackId").asText() + " is in ROLLBACK_COMPLETE state and can not be updated.",
                update.getMessage());
    }

    @Test
    void unsupportedTypeFailsTheStackNamingTheType() {
        cfn.call("CreateStack", stackInput("sqs", """
                Resources:
                  A: {Type: Test::Widget, Properties: {Name: a}}
                  Queue: {Type: AWS::SQS::Queue, DependsOn: A}
                """));
        assertEquals("ROLLBACK_COMPLETE", cfn.settle("sqs").path("StackStatus").asText());
        assertTrue(cfn.events("sqs").contains(
                "Queue CREATE_FAILED Resource type AWS::SQS::Queue is not supported by the local cloud"));
    }

    @Test
    void templateErrorsAreValidationErrorsWithAwsWording() {
        AwsServiceException getAtt = assertThrows(AwsServiceException.class, () -> cfn.call("CreateStack",
                stackInput("x", "Resources: {A: {Type: Test::Widget, Properties: {P: !GetAtt Foo.Arn}}}")));
        assertEquals("ValidationError", getAtt.errorCode());
        assertEquals("Template error: instance of Fn::GetAtt references undefined resource Foo", getAtt.getMessage());
        AwsServiceException attribute = assertThrows(AwsServiceException.class, () -> cfn.call("CreateStack",
                stackInput("x", "Resources: {A: {Type: Test::Widget}, B: {Type: Test::Widget, Properties: {P: !GetAtt A.Colour}}}")));
        assertEquals("Template error: resource A does not support attribute type Colour in Fn::GetAtt",
                attribute.getMessage());
        AwsServiceException cycle = assertThrows(AwsServiceException.class, () -> cfn.call("CreateStack",
                stackInput("x", "Resources: {A: {Type: Test::Widget, Properties: {P: !Ref B}}, B: {Type: Test::Widget, DependsOn: A}}")));
        assertEquals("Circular dependency between resources: [A, B]", cycle.getMessage());
        AwsServiceException ref = assertThrows(AwsServiceException.class, () -> cfn.call("CreateStack",
                stackInput("x", "Resources: {A: {Type: Test::Widget, Properties: {P: !Ref Nope}}}")));
        assertEquals("Template format error: Unresolved resource dependencies [Nope] in the Resources block of the template",
                ref.getMessage());
        assertFalse(cfn.call("DescribeStacks", input()).path("Stacks").elements().hasNext());
    }

    @Test
    void stackNamesAreUniqueAndMissingStacksAreValidationErrors() {
        cfn.call("CreateStack", stackInput("one", "Resources: {A: {Type: Test::Widget}}"));
        AwsServiceException again = assertThrows(AwsServiceException.class,
                () -> cfn.call("CreateStack", stackInput("one", "Resources: {A: {Type: Test::Widget}}")));
        assertEquals("AlreadyExistsException", again.errorCode());
        assertEquals("Stack [one] already exists", again.getMessage());
        AwsServiceException missing = assertThrows(AwsServiceException.class,
                () -> cfn.call("DescribeStacks", input().put("StackName", "nope")));
        assertEquals("Stack with id nope does not exist", missing.getMessage());
        assertEquals("Stack [nope] does not exist", assertThrows(AwsServiceException.class,
                () -> cfn.call("UpdateStack", stackInput("nope", "Resources: {A: {Type: Test::Widget}}"))).getMessage());
        assertEquals("{}", cfn.call("DeleteStack", input().put("StackName", "nope")).toString());
    }

    @Test
    void deleteGoesInReverseOrderAndKeepsRetainedResources() {
        cfn.call("CreateStack", stackInput("del", """
                Resources:
                  A: {Type: Test::Widget, DeletionPolicy: Retain, Properties: {Name: a}}
                  B: {Type: Test::Widget, Properties: {Name: b, P: !Ref A}}
                """));
        String id = cfn.settle("del").path("StackId").asText();
        cfn.call("DeleteStack", input().put("StackName", "del"));
        assertEquals("DELETE_COMPLETE", cfn.settle(id).path("StackStatus").asText());
        assertEquals(List.of("create A", "create B", "delete B"), cfn.widgets.calls);
        assertTrue(cfn.widgets.widgets.containsKey("a"));
        assertTrue(cfn.events(id).contains("A DELETE_SKIPPED"));
        assertEquals("DELETE_COMPLETE", cfn.call("ListStacks", input()).at("/StackSummaries/0/StackStatus").asText());
        assertThrows(AwsServiceException.class, () -> cfn.call("DescribeStacks", input().put("StackName", "del")));
    }

    static String output(JsonNode stack, String key) {
        for (JsonNode output : stack.path("Outputs")) {
            if (output.path("OutputKey").asText().equals(key)) {
                return output.path("OutputValue").asText();
            }
        }
        throw new AssertionError("no output " + key + " in " + stack);
    }
}
