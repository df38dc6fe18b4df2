package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;

/**
 * deploy-stack's preview: creates a change set, prints its changes as a table, then deletes it
 * (and the empty stack a CREATE change set made) so nothing is executed.
 */
final class ChangeSetPreview {

    private final CloudFormationClient cfn;
    private final ProgressListener listener;
    private final Polling polling;

    ChangeSetPreview(CloudFormationClient cfn, ProgressListener listener, Duration timeout, Duration interval) {
        this.cfn = cfn;
        this.listener = listener;
        this.polling = new Polling(timeout, interval, ProgressListener.NONE);
    }

    /** Returns the table lines (also logged); an empty list when nothing would change. */
    List<String> preview(CreateChangeSetRequest.Builder request, boolean stackExists, String stackName) {
        String name = "kinesis-fanout-preview-" + System.currentTimeMillis();
        String id = cfn.createChangeSet(request.changeSetName(name)
                .changeSetType(stackExists ? ChangeSetType.UPDATE : ChangeSetType.CREATE).build()).id();
        DescribeChangeSetResponse described = polling.until("change set " + name,
                () -> cfn.describeChangeSet(b -> b.changeSetName(id)),
                d -> !d.statusAsString().endsWith("_PENDING") && !d.statusAsString().endsWith("_IN_PROGRESS"));
        List<String> table = new ArrayList<>();
        try {
            if (described.statusAsString().equals("FAILED")) {
                listener.info("Preview of stack " + stackName + ": " + described.statusReason());
                return table;
            }
            table.addAll(table(described.changes()));
            listener.info("Preview of stack " + stackName + " (nothing is executed):");
            table.forEach(listener::info);
            return table;
        } finally {
            cfn.deleteChangeSet(b -> b.changeSetName(id));
            if (!stackExists) {
                cfn.deleteStack(b -> b.stackName(stackName)); // the REVIEW_IN_PROGRESS stack the preview made
            }
        }
    }

    static List<String> table(List<Change> changes) {
        String format = "%-8s %-32s %-36s %-11s %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(format, "Action", "LogicalResourceId", "ResourceType", "Replacement", "Properties"));
        for (Change change : changes) {
            ResourceChange rc = change.resourceChange();
            List<String> properties = new ArrayList<>();
            rc.details().forEach(d -> properties.add(d.target().name()));
            lines.add(String.format(format, rc.actionAsString(), rc.logicalResourceId(), rc.resourceType(),
                    rc.replacementAsString() == null ? "-" : rc.replacementAsString(), String.join(",", properties))
                    .stripTrailing());
        }
        return lines;
    }
}
