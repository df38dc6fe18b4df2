package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One resource of a stack as it stands now.
 *
 * @param logicalId the template key
 * @param type the resource type
 * @param status e.g. CREATE_COMPLETE
 * @param reason the status reason, or null
 * @param timestamp when the status last changed
 * @param properties the resolved properties it was provisioned with, or null before it was
 * @param provisioned the physical id and attributes, or null before it was created
 */
record StackResource(String logicalId, String type, String status, String reason, Instant timestamp,
        ObjectNode properties, ProvisionedResource provisioned) {

    String physicalId() {
        return provisioned == null ? null : provisioned.physicalId();
    }

    StackResource withStatus(String newStatus, String newReason, Instant at) {
        return new StackResource(logicalId, type, newStatus, newReason, at, properties, provisioned);
    }
}
