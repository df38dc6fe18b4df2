package io.github.kinesisfanout.local.cloudformation;

import java.util.List;

/**
 * Where CloudFormation keeps its stacks (resources, outputs, events, template and inputs): nowhere
 * beyond memory by default, one snapshot file per stack with a data directory.
 */
interface StackStorage {

    /** Keeps nothing: stacks live in memory only. */
    StackStorage NONE = new StackStorage() {
        @Override
        public void save(Stack stack) {
        }

        @Override
        public List<Stack> loadAll() {
            return List.of();
        }
    };

    /** Keeps a stack as it is now; called under the stack's monitor after every change. */
    void save(Stack stack);

    /** Every stack kept, deleted ones included, oldest first. */
    List<Stack> loadAll();
}
