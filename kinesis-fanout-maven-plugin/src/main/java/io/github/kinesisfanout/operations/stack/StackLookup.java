package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.AwsErrors;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** Finds a stack by name: CloudFormation answers a missing one with ValidationError "does not exist". */
final class StackLookup {

    private StackLookup() {
    }

    static Optional<Stack> find(CloudFormationClient cfn, String stackName) {
        try {
            return cfn.describeStacks(b -> b.stackName(stackName)).stacks().stream().findFirst();
        } catch (CloudFormationException e) {
            if (AwsErrors.hasCode(e, "ValidationError") && e.awsErrorDetails().errorMessage().contains("does not exist")) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
