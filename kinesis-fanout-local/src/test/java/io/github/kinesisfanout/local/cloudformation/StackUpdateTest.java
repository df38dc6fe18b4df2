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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Updates in place and by replacement, update rollback, "No updates", and change sets. */
class StackUpdateTest {

    private static final String BEFORE = """
            Resources:
              Keep: {Type: Test::Widget, Properties: {Name: keep, Size: 1}}
              Renamed: {Type: Test::Widget, Properties: {Name: old-name}}
              Dropped: {Type: Test::Widget, Properties: {Name: dropped}}
            Outputs:
              Size: {Value: !GetAtt Keep.Size}
            """;
    private static final String AFTER = """
            Resources:
              Keep: {Type: Test::Widget, Properties: {Name: keep, Size: 2}}
              Renamed: {Type: Test::Widget, Properties: {Name: new-name}}
              Added: {Type: Test::Widget, Properties: {Name: added, Of: !Ref Renamed}}
            Outputs:
              Size: {Value: !GetAtt Keep.Size}
            """;

    private final StackFixture cfn = new StackFixture();

    @BeforeEach
    void create() {
        cfn.call("CreateStack", stackInput("s", BEFORE));
        assertEquals("CREATE_COMPLETE", cfn.settle("s").path("StackStatus").asText());
        cfn.widgets.calls.clear();
    }

    @AfterEach
    void close() {
        cfn.close();
    }

    @Test
    void updatesInPlaceReplacesAddsAndRemoves() {
        cfn.call("UpdateStack", stackInput("s", AFTER));
        JsonNode stack = cfn.settle("s");
        assertEquals("UPDATE_COMPLETE", stack.path("StackStatus").asText());
        assertEquals(List.of("update Keep", "create Renamed", "create Added", "delete Renamed", "delete Dropped"),
                cfn.widgets.calls);
        assertEquals(List.of("added", "keep", "new-name"), cfn.widgets.widgets.keySet().stream().sorted().toList());
        assertEquals("new-name", cfn.widgets.widgets.get("added").path("Of").asText());
        assertEquals("2", StackLifecycleTest.output(stack, "Size"));
        List<String> events = cfn.events("s");
        assertTrue(events.contains("Renamed UPDATE_IN_PROGRESS Requested update requires the creation of a new"
                + " physical resource; hence creating one."), events.toString());
        assertTrue(events.contains("s UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"), events.toString());
    }

    @Test
    void failedUpdateRollsBackToThePreviousResources() {
        cfn.call("UpdateStack", stackInput("s", AFTER.replace("{Name: added, Of: !Ref Renamed}",
                "{Name: added, Of: !Ref Renamed, Fail: \"true\"}")));
        JsonNode stack = cfn.settle("s");
        assertEquals("UPDATE_ROLLBACK_COMPLETE", stack.path("StackStatus").asText());
        assertEquals(List.of("dropped", "keep", "old-name"), cfn.widgets.widgets.keySet().stream().sorted().toList());
        assertEquals("1", cfn.widgets.widgets.get("keep").path("Size").asText());
        assertEquals("1", StackLifecycleTest.output(stack, "Size"));
        assertTrue(cfn.events("s").contains("Added CREATE_FAILED Widget Added refused to be created"));
        assertEquals(BEFORE, cfn.call("GetTemplate", input().put("StackName", "s")).path("TemplateBody").asText());
        cfn.call("UpdateStack", stackInput("s", AFTER));
        assertEquals("UPDATE_COMPLETE", cfn.settle("s").path("StackStatus").asText());
    }

    @Test
    void sameTemplateIsNoUpdate() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> cfn.call("UpdateStack", stackInput("s", BEFORE)));
        assertEquals("ValidationError", e.errorCode());
        assertEquals("No updates are to be performed.", e.getMessage());
    }

    @Test
    void changeSetListsChangesAndExecutes() {
        JsonNode created = cfn.call("CreateChangeSet", stackInput("s", AFTER).put("ChangeSetName", "next"));
        assertTrue(created.path("Id").asText().contains(":changeSet/next/"));
        JsonNode described = cfn.call("DescribeChangeSet", input().put("StackName", "s").put("ChangeSetName", "next"));
        assertEquals("CREATE_COMPLETE", described.path("Status").asText());
        assertEquals("AVAILABLE", described.path("ExecutionStatus").asText());
        StringBuilder changes = new StringBuilder();
        described.path("Changes").forEach(c -> changes.append(c.at("/ResourceChange/Action").asText()).append(' ')
                .append(c.at("/ResourceChange/LogicalResourceId").asText()).append(' ')
                .append(c.at("/ResourceChange/Replacement").asText("-")).append("; "));
        assertEquals("Modify Keep False; Modify Renamed True; Add Added -; Remove Dropped -; ", changes.toString());
        assertTrue(cfn.widgets.calls.isEmpty(), "a change set changes nothing before it is executed");
        assertEquals(1, cfn.call("ListChangeSets", input().put("StackName", "s")).path("Summaries").size());
        cfn.call("ExecuteChangeSet", input().put("ChangeSetName", created.path("Id").asText()));
        assertEquals("UPDATE_COMPLETE", cfn.settle("s").path("StackStatus").asText());
        assertTrue(cfn.widgets.widgets.containsKey("added"));
        assertEquals(0, cfn.call("ListChangeSets", input().put("StackName", "s")).path("Summaries").size());
    }

    @Test
    void changeSetWithoutChangesFailsWithAwsReason() {
        cfn.call("CreateChangeSet", stackInput("s", BEFORE).put("ChangeSetName", "same"));
        JsonNode described = cfn.call("DescribeChangeSet", input().put("StackName", "s").put("ChangeSetName", "same"));
        assertEquals("FAILED", described.path("Status").asText());
        assertEquals("The submitted information didn't contain changes. Submit different information to create a"
                + " change set.", described.path("StatusReason").asText());
        cfn.call("DeleteChangeSet", input().put("StackName", "s").put("ChangeSetName", "same"));
        assertThrows(AwsServiceException.class,
                () -> cfn.call("DescribeChangeSet", input().put("StackName", "s").put("ChangeSetName", "same")));
    }

    @Test
    void createChangeSetMakesAStackInReview() {
        cfn.call("CreateChangeSet", stackInput("fresh", AFTER.replace("keep", "k2").replace("new-name", "n2")
                .replace("added", "a2")).put("ChangeSetName", "first").put("ChangeSetType", "CREATE"));
        assertEquals("REVIEW_IN_PROGRESS", cfn.call("DescribeStacks", input().put("StackName", "fresh"))
                .at("/Stacks/0/StackStatus").asText());
        cfn.call("ExecuteChangeSet", input().put("StackName", "fresh").put("ChangeSetName", "first"));
        assertEquals("CREATE_COMPLETE", cfn.settle("fresh").path("StackStatus").asText());
        assertFalse(cfn.call("DescribeStackResources", input().put("StackName", "fresh")).path("StackResources").isEmpty());
    }
}
