package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Waits for a stack operation to finish while streaming its events as they happen (resource,
 * type, status, reason), and finds the event that caused a failure.
 */
final class StackWatcher {

    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;

    private final CloudFormationClient cfn;
    private final ProgressListener listener;
    private final Polling polling;
    private final Set<String> seen = new HashSet<>();
    private final List<StackEvent> operationEvents = new ArrayList<>();

    StackWatcher(CloudFormationClient cfn, ProgressListener listener, Duration timeout, Duration firstInterval) {
        this.cfn = cfn;
        this.listener = listener;
        this.polling = new Polling(timeout, firstInterval, ProgressListener.NONE);
    }

    /** Remembers the events a stack already has, so only the coming operation's events are streamed. */
    void skipExistingEvents(String stack) {
        try {
            // The newest page is enough: streaming stops at the first event already seen.
            cfn.describeStackEvents(b -> b.stackName(stack)).stackEvents().forEach(e -> seen.add(e.eventId()));
        } catch (CloudFormationException e) {
            // the stack does not exist (yet): no events to skip
        }
    }

    /** Polls until the stack's status no longer ends in _IN_PROGRESS; returns the final description. */
    Stack awaitSettled(String stackId) {
        String label = "stack " + stackId;
        long start = System.nanoTime();
        long[] lastLine = {start};
        return polling.until(label, () -> {
            Stack stack = cfn.describeStacks(b -> b.stackName(stackId)).stacks().get(0);
            stream(stackId);
            long now = System.nanoTime();
            if (now - lastLine[0] >= PROGRESS_EVERY_NANOS) {
                // Between events, a line every ten seconds says the build is still waiting.
                lastLine[0] = now;
                listener.info("stack " + stack.stackName() + ": " + stack.stackStatusAsString() + ", "
                        + (now - start) / 1_000_000_000L + " s");
            }
            return stack;
        }, stack -> !stack.stackStatusAsString().endsWith("_IN_PROGRESS")
                || stack.stackStatusAsString().equals("REVIEW_IN_PROGRESS"));
    }

    /** The first failure of this operation: the root cause, not the cancellations it led to. */
    Optional<StackEvent> rootCause() {
        return operationEvents.stream()
                .filter(e -> e.resourceStatusAsString().endsWith("_FAILED") && e.resourceStatusReason() != null
                        && !e.resourceStatusReason().contains("cancelled"))
                .findFirst()
                .or(() -> operationEvents.stream().filter(e -> e.resourceStatusReason() != null
                        && e.resourceStatusAsString().contains("ROLLBACK")).findFirst());
    }

    /** One line per event: "Transactions AWS::Kinesis::Stream CREATE_FAILED: reason". */
    static String describe(StackEvent event) {
        return event.logicalResourceId() + " " + event.resourceType() + " " + event.resourceStatusAsString()
                + (event.resourceStatusReason() != null ? ": " + event.resourceStatusReason() : "");
    }

    private void stream(String stackId) {
        for (StackEvent event : fetch(stackId)) {
            if (seen.add(event.eventId())) {
                operationEvents.add(event);
                String line = "  " + describe(event);
                if (event.resourceStatusAsString().endsWith("_FAILED")) {
                    listener.warn(line);
                } else {
                    listener.info(line);
                }
            }
        }
    }

    /**
     * The events not seen yet, oldest first: DescribeStackEvents pages go newest first, so reading
     * stops at the first event already seen (a long-lived stack has thousands).
     */
    private List<StackEvent> fetch(String stack) {
        List<StackEvent> events = new ArrayList<>();
        try {
            for (StackEvent event : cfn.describeStackEventsPaginator(b -> b.stackName(stack)).stackEvents()) {
                if (seen.contains(event.eventId())) {
                    break;
                }
                events.add(event);
            }
        } catch (CloudFormationException e) {
            return events; // the stack does not exist (yet): no events
        }
        java.util.Collections.reverse(events);
        return events;
    }
}
