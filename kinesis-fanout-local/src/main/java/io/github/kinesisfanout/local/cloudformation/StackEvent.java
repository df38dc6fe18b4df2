package io.github.kinesisfanout.local.cloudformation;

import java.time.Instant;

/** One entry of DescribeStackEvents, as AWS shapes StackEvent. */
record StackEvent(String eventId, String logicalResourceId, String physicalResourceId, String resourceType,
        Instant timestamp, String resourceStatus, String resourceStatusReason, String resourceProperties) {
}
