package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Deletes a stack and waits until it is gone, streaming its events; a missing stack is success. */
public final class DeleteStackOperation {

    private final AwsClientFactory clients;
    private final ProgressListener listener;

    public DeleteStackOperation(AwsClientFactory clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    /** Returns true when a stack was deleted, false when there was none. */
    public boolean run(String stackName, Duration timeout, Duration pollInterval) {
        try (CloudFormationClient cfn = clients.client(CloudFormationClient.builder())) {
            Optional<Stack> found = StackLookup.find(cfn, stackName);
            if (found.isEmpty()) {
                listener.info("Stack " + stackName + " does not exist: nothing to delete");
                return false;
            }
            String id = found.get().stackId();
            StackWatcher watcher = new StackWatcher(cfn, listener, timeout, pollInterval);
            watcher.skipExistingEvents(id);
            listener.info("Deleting stack " + stackName);
            cfn.deleteStack(b -> b.stackName(id));
            Stack done = watcher.awaitSettled(id);
            if (!done.stackStatusAsString().equals("DELETE_COMPLETE")) {
                throw DeployStackOperation.failure(stackName, done.stackStatusAsString(), watcher.rootCause());
            }
            listener.info("Stack " + stackName + ": DELETE_COMPLETE");
            return true;
        }
    }
}
