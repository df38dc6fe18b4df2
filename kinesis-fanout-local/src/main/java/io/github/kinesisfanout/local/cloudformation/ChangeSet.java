package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;

/** One change set: the definition it would apply and the changes computed for it. */
final class ChangeSet {

    private final String id;
    private final String name;
    private final Stack stack;
    private final String type;
    private final StackDefinition definition;
    private final String description;
    private final Instant creationTime;
    private String status = "CREATE_PENDING";
    private String statusReason;
    private String executionStatus = "UNAVAILABLE";
    private ArrayNode changes = JsonNodeFactory.instance.arrayNode();

    ChangeSet(String id, String name, Stack stack, String type, StackDefinition definition, String description,
            Instant creationTime) {
        this.id = id;
        this.name = name;
        this.stack = stack;
        this.type = type;
        this.definition = definition;
        this.description = description;
        this.creationTime = creationTime;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    Stack stack() {
        return stack;
    }

    /** CREATE or UPDATE. */
    String type() {
        return type;
    }

    StackDefinition definition() {
        return definition;
    }

    String description() {
        return description;
    }

    Instant creationTime() {
        return creationTime;
    }

    synchronized String status() {
        return status;
    }

    synchronized String statusReason() {
        return statusReason;
    }

    synchronized String executionStatus() {
        return executionStatus;
    }

    synchronized ArrayNode changes() {
        return changes.deepCopy();
    }

    synchronized void complete(ArrayNode computed) {
        this.changes = computed;
        this.status = "CREATE_COMPLETE";
        this.executionStatus = "AVAILABLE";
    }

    synchronized void fail(String reason) {
        this.status = "FAILED";
        this.statusReason = reason;
        this.executionStatus = "UNAVAILABLE";
    }

    synchronized void executionStatus(String next) {
        this.executionStatus = next;
    }
}
