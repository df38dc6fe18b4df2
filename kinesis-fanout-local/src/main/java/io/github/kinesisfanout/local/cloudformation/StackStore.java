package io.github.kinesisfanout.local.cloudformation;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stacks and change sets of one account and region. */
final class StackStore implements Exports {

    private final Map<String, Stack> liveByName = new LinkedHashMap<>();
    private final Map<String, Stack> byId = new LinkedHashMap<>();
    private final Map<String, ChangeSet> changeSets = new LinkedHashMap<>();
    private final StackStorage storage;

    StackStore() {
        this(StackStorage.NONE);
    }

    StackStore(StackStorage storage) {
        this.storage = storage;
    }

    /** Puts back a stack read from storage: live unless deleted, found by id either way. */
    synchronized void restore(Stack stack) {
        if (!"DELETE_COMPLETE".equals(stack.status())) {
            liveByName.put(stack.stackName(), stack);
        }
        byId.put(stack.stackId(), stack);
        stack.keepIn(storage);
    }

    /** Adds a stack under its name; AlreadyExistsException when a live stack has the name. */
    synchronized void add(Stack stack) {
        if (liveByName.containsKey(stack.stackName())) {
            throw CloudFormationErrors.ALREADY_EXISTS.error("Stack [" + stack.stackName() + "] already exists");
        }
        liveByName.put(stack.stackName(), stack);
        byId.put(stack.stackId(), stack);
        stack.keepIn(storage);
    }

    /** A live stack by name, or any stack (deleted ones too) by stack id, as DescribeStacks finds them. */
    synchronized Optional<Stack> find(String nameOrId) {
        if (nameOrId.startsWith("arn:")) {
            return Optional.ofNullable(byId.get(nameOrId));
        }
        return Optional.ofNullable(liveByName.get(nameOrId));
    }

    /** Like {@link #find} but a missing stack is AWS's ValidationError. */
    Stack get(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> missing(nameOrId));
    }

    static AwsServiceException missing(String nameOrId) {
        return CloudFormationErrors.VALIDATION_ERROR.error("Stack with id " + nameOrId + " does not exist");
    }

    /** Marks a stack deleted: its name is free again, its id still describes it. */
    synchronized void deleted(Stack stack) {
        liveByName.remove(stack.stackName(), stack);
        changeSets.values().removeIf(c -> c.stack() == stack);
    }

    synchronized List<Stack> live() {
        return new ArrayList<>(liveByName.values());
    }

    /** Every stack, deleted ones included, newest first as ListStacks returns them. */
    synchronized List<Stack> all() {
        List<Stack> all = new ArrayList<>(byId.values());
        java.util.Collections.reverse(all);
        return all;
    }

    synchronized void addChangeSet(ChangeSet changeSet) {
        for (ChangeSet existing : changeSets.values()) {
            if (existing.stack() == changeSet.stack() && existing.name().equals(changeSet.name())) {
                throw CloudFormationErrors.ALREADY_EXISTS.error("ChangeSet " + changeSet.name()
                        + " already exists");
            }
        }
        changeSets.put(changeSet.id(), changeSet);
    }

    /** A change set by ARN, or by name within a stack. */
    synchronized ChangeSet changeSet(String nameOrArn, String stackName) {
        ChangeSet found = changeSets.get(nameOrArn);
        if (found == null && stackName != null) {
            Optional<Stack> stack = find(stackName);
            found = stack.flatMap(s -> changeSets.values().stream()
                    .filter(c -> c.stack() == s && c.name().equals(nameOrArn)).findFirst()).orElse(null);
        }
        if (found == null) {
            throw CloudFormationErrors.CHANGE_SET_NOT_FOUND.error("ChangeSet [" + nameOrArn + "] does not exist");
        }
        return found;
    }

    synchronized List<ChangeSet> changeSets(Stack stack) {
        return changeSets.values().stream().filter(c -> c.stack() == stack).toList();
    }

    synchronized void removeChangeSet(ChangeSet changeSet) {
        changeSets.remove(changeSet.id());
    }

    /** Drops every change set of the stack, as AWS does once one of them is executed. */
    synchronized void removeChangeSets(Stack stack) {
        changeSets.values().removeIf(c -> c.stack() == stack);
    }

    @Override
    public synchronized Optional<StackOutput> export(String exportName) {
        return exportEntry(exportName).map(Map.Entry::getValue);
    }

    @Override
    public synchronized Optional<String> exportingStackId(String exportName) {
        return exportEntry(exportName).map(e -> e.getKey().stackId());
    }

    @Override
    public synchronized Optional<String> importingStackName(String exportName, Stack exporter) {
        return liveByName.values().stream().filter(s -> s != exporter && s.imports().contains(exportName))
                .map(Stack::stackName).findFirst();
    }

    /** Every export of the live stacks, with the stack that exports it. */
    synchronized List<Map.Entry<Stack, StackOutput>> exports() {
        List<Map.Entry<Stack, StackOutput>> all = new ArrayList<>();
        for (Stack stack : liveByName.values()) {
            for (StackOutput output : stack.outputs()) {
                if (output.exportName() != null) {
                    all.add(Map.entry(stack, output));
                }
            }
        }
        return all;
    }

    private Optional<Map.Entry<Stack, StackOutput>> exportEntry(String exportName) {
        return exports().stream().filter(e -> e.getValue().exportName().equals(exportName)).findFirst();
    }
}
