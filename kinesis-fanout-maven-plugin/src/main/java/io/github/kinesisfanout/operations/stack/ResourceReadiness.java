package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.Polling;
import io.github.kinesisfanout.operations.ProgressListener;
import java.time.Duration;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * After a stack completes, waits until its functions are Active and its event source mappings
 * Enabled, so records put right after deploy-stack reach the consumers.
 */
final class ResourceReadiness {

    private final AwsClientFactory clients;
    private final Polling polling;

    ResourceReadiness(AwsClientFactory clients, ProgressListener listener, Duration timeout) {
        this.clients = clients;
        this.polling = new Polling(timeout, Duration.ofMillis(100), listener);
    }

    void await(CloudFormationClient cfn, String stackId) {
        LambdaClient lambda = null;
        try {
            for (StackResourceSummary resource : cfn.listStackResourcesPaginator(b -> b.stackName(stackId))
                    .stackResourceSummaries()) {
                String type = resource.resourceType();
                if (!type.equals("AWS::Lambda::Function") && !type.equals("AWS::Lambda::EventSourceMapping")) {
                    continue;
                }
                lambda = lambda != null ? lambda : clients.client(LambdaClient.builder());
                LambdaClient client = lambda;
                String id = resource.physicalResourceId();
                if (type.equals("AWS::Lambda::Function")) {
                    polling.until("function " + id, () -> client.getFunction(b -> b.functionName(id))
                            .configuration().stateAsString(), "Active"::equals);
                } else {
                    polling.until("event source mapping " + id, () -> client.getEventSourceMapping(b -> b.uuid(id))
                            .state(), s -> s.equals("Enabled") || s.equals("Disabled"));
                }
            }
        } finally {
            if (lambda != null) {
                lambda.close();
            }
        }
    }
}
