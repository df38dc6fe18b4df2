package io.github.kinesisfanout.local.cloudformation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One stack's mutable state: status, definition, resources, outputs and events. The operation run
 * on the executor writes it while callers read it, so every access is synchronized on the stack.
 */
final class Stack {

    private final String stackId;
    private final String stackName;
    private final Instant creationTime;
    private String status;
    private String statusReason;
    private Instant lastUpdatedTime;
    private Instant deletionTime;
    private StackDefinition definition;
    private final Map<String, StackResource> resources = new LinkedHashMap<>();
    private List<StackOutput> outputs = List.of();
    private final List<StackEvent> events = new ArrayList<>();
    private java.util.Set<String> imports = java.util.Set.of();
    private StackStorage storage = StackStorage.NONE;

    Stack(String stackId, String stackName, Instant creationTime, String status, StackDefinition definition) {
        this.stackId = stackId;
        this.stackName = stackName;
        this.creationTime = creationTime;
        this.status = status;
        this.definition = definition;
    }

    /** Keeps this stack in a storage from now on, and right away. */
    synchronized void keepIn(StackStorage storage) {
        this.storage = storage;
        storage.save(this);
    }

    /** Puts back the state of a stack read from storage. */
    synchronized void restore(String reason, Instant lastUpdated, Instant deleted, Map<String, StackResource> kept,
            List<StackOutput> keptOutputs, java.util.Set<String> keptImports, List<StackEvent> oldestFirst) {
        this.statusReason = reason;
        this.lastUpdatedTime = lastUpdated;
        this.deletionTime = deleted;
        resources.putAll(kept);
        this.outputs = List.copyOf(keptOutputs);
        this.imports = java.util.Set.copyOf(keptImports);
        events.addAll(oldestFirst);
    }

    String stackId() {
        return stackId;
    }

    String stackName() {
        return stackName;
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

    synchronized Instant lastUpdatedTime() {
        return lastUpdatedTime;
    }

    synchronized Instant deletionTime() {
        return deletionTime;
    }

    synchronized StackDefinition definition() {
        return definition;
    }

    synchronized void definition(StackDefinition next) {
        this.definition = next;
        storage.save(this);
    }

    synchronized List<StackOutput> outputs() {
        return outputs;
    }

    synchronized void outputs(List<StackOutput> next) {
        this.outputs = List.copyOf(next);
        storage.save(this);
    }

    /** The export names this stack imports with Fn::ImportValue. */
    synchronized java.util.Set<String> imports() {
        return imports;
    }

    synchronized void imports(java.util.Set<String> names) {
        this.imports = java.util.Set.copyOf(names);
        storage.save(this);
    }

    /** A copy of the resources in template order. */
    synchronized Map<String, StackResource> resources() {
        return new LinkedHashMap<>(resources);
    }

    synchronized StackResource resource(String logicalId) {
        return resources.get(logicalId);
    }

    synchronized void putResource(StackResource resource) {
        resources.put(resource.logicalId(), resource);
        storage.save(this);
    }

    synchronized void removeResource(String logicalId) {
        resources.remove(logicalId);
        storage.save(this);
    }

    synchronized void replaceResources(Map<String, StackResource> next) {
        resources.clear();
        resources.putAll(next);
        storage.save(this);
    }

    /** Events newest first, as DescribeStackEvents lists them. */
    synchronized List<StackEvent> events() {
        List<StackEvent> copy = new ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Sets the stack status and records the stack-level event AWS emits for it. */
    synchronized void transition(String newStatus, String reason, Instant at) {
        this.status = newStatus;
        this.statusReason = reason;
        if (newStatus.startsWith("UPDATE_") || newStatus.startsWith("ROLLBACK_IN")) {
            lastUpdatedTime = at;
        }
        if (newStatus.equals("DELETE_COMPLETE")) {
            deletionTime = at;
        }
        events.add(new StackEvent(UUID.randomUUID().toString(), stackName, stackId,
                "AWS::CloudFormation::Stack", at, newStatus, reason, null));
        storage.save(this);
    }

    /** Records a resource status change and its event. */
    synchronized void resourceEvent(StackResource resource, String properties) {
        resources.put(resource.logicalId(), resource);
        events.add(new StackEvent(UUID.randomUUID().toString(), resource.logicalId(), resource.physicalId(),
                resource.type(), resource.timestamp(), resource.status(), resource.reason(), properties));
        storage.save(this);
    }

    /** Records an event for a resource that is no longer part of the stack (DELETE_* of a removed one). */
    synchronized void detachedEvent(StackResource resource) {
        events.add(new StackEvent(UUID.randomUUID().toString(), resource.logicalId(), resource.physicalId(),
                resource.type(), resource.timestamp(), resource.status(), resource.reason(), null));
        storage.save(this);
    }
}
