package io.github.kinesisfanout.operations.stack;

import io.github.kinesisfanout.operations.AwsClientFactory;
import io.github.kinesisfanout.operations.AwsErrors;
import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetRequest;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Creates or updates a stack from a template file and waits for it: uploads local Lambda code,
 * derives the IAM capabilities, streams events, fails with the root-cause event, replaces a stack
 * left in ROLLBACK_COMPLETE, treats "No updates are to be performed." as success, and waits for
 * functions and event source mappings to be ready. With preview it only prints the change set.
 */
public final class DeployStackOperation {

    /** CloudFormation's message when an update would change nothing. */
    static final String NO_UPDATES = "No updates are to be performed.";

    private final AwsClientFactory clients;
    private final ProgressListener listener;

    public DeployStackOperation(AwsClientFactory clients, ProgressListener listener) {
        this.clients = clients;
        this.listener = listener;
    }

    public DeployResult run(StackSettings settings) {
        TemplateDocument template = TemplateDocument.read(settings.templateFile);
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, Path> code = template.localCode(settings.baseDirectory);
        String bucket = null;
        if (!code.isEmpty()) {
            ArtifactUploader uploader = new ArtifactUploader(clients, listener);
            bucket = uploader.bucket(settings.artifactBucket);
            for (Map.Entry<String, Path> entry : code.entrySet()) {
                keys.put(entry.getKey(), uploader.upload(entry.getValue(), bucket));
            }
        }
        String body = template.body(keys, bucket);
        Set<String> capabilities = new LinkedHashSet<>(template.requiredCapabilities());
        capabilities.addAll(settings.capabilities);
        try (CloudFormationClient cfn = clients.client(CloudFormationClient.builder())) {
            StackWatcher watcher = new StackWatcher(cfn, listener, settings.waitTimeout, settings.pollInterval);
            Optional<Stack> existing = settle(cfn, settings, watcher);
            if (settings.preview) {
                CreateChangeSetRequest.Builder request = CreateChangeSetRequest.builder().stackName(settings.stackName)
                        .templateBody(body);
                options(settings, capabilities, request::parameters, request::capabilitiesWithStrings, request::tags);
                List<String> table = new ChangeSetPreview(cfn, listener, settings.waitTimeout, settings.pollInterval)
                        .preview(request, existing.isPresent(), settings.stackName);
                return new DeployResult(existing.map(Stack::stackId).orElse(null), "PREVIEW", Map.of(),
                        !table.isEmpty(), table);
            }
            String stackId;
            if (existing.isEmpty()) {
                listener.info("Creating stack " + settings.stackName);
                stackId = cfn.createStack(b -> {
                    b.stackName(settings.stackName).templateBody(body);
                    options(settings, capabilities, b::parameters, b::capabilitiesWithStrings, b::tags);
                }).stackId();
            } else {
                stackId = existing.get().stackId();
                watcher.skipExistingEvents(stackId);
                try {
                    listener.info("Updating stack " + settings.stackName);
                    cfn.updateStack(b -> {
                        b.stackName(stackId).templateBody(body);
                        options(settings, capabilities, b::parameters, b::capabilitiesWithStrings, b::tags);
                    });
                } catch (CloudFormationException e) {
                    if (AwsErrors.hasCode(e, "ValidationError") && NO_UPDATES.equals(e.awsErrorDetails().errorMessage())) {
                        listener.info("Stack " + settings.stackName + " is up to date: " + NO_UPDATES);
                        return finish(cfn, settings, existing.get(), false);
                    }
                    throw e;
                }
            }
            Stack done = watcher.awaitSettled(stackId);
            String status = done.stackStatusAsString();
            if (!status.equals("CREATE_COMPLETE") && !status.equals("UPDATE_COMPLETE")) {
                throw failure(settings.stackName, status, watcher.rootCause());
            }
            listener.info("Stack " + settings.stackName + ": " + status);
            new ResourceReadiness(clients, listener, settings.waitTimeout).await(cfn, stackId);
            return finish(cfn, settings, done, true);
        }
    }

    /**
     * The stack as it stands once no operation runs on it; empty when it does not exist (a stack in
     * ROLLBACK_COMPLETE or REVIEW_IN_PROGRESS cannot be updated, so it is deleted first).
     */
    private Optional<Stack> settle(CloudFormationClient cfn, StackSettings settings, StackWatcher watcher) {
        Optional<Stack> found = StackLookup.find(cfn, settings.stackName);
        if (found.isEmpty()) {
            return found;
        }
        Stack stack = found.get();
        if (stack.stackStatusAsString().endsWith("_IN_PROGRESS") && !stack.stackStatusAsString().equals("REVIEW_IN_PROGRESS")) {
            listener.info("Stack " + settings.stackName + " is " + stack.stackStatusAsString() + ": waiting for it");
            watcher.skipExistingEvents(stack.stackId());
            stack = watcher.awaitSettled(stack.stackId());
        }
        String status = stack.stackStatusAsString();
        if (status.equals("ROLLBACK_COMPLETE") || status.equals("REVIEW_IN_PROGRESS")) {
            listener.info("Stack " + settings.stackName + " is " + status + " and cannot be updated: deleting it first");
            String id = stack.stackId();
            watcher.skipExistingEvents(id);
            cfn.deleteStack(b -> b.stackName(id));
            Stack deleted = watcher.awaitSettled(id);
            if (!deleted.stackStatusAsString().equals("DELETE_COMPLETE")) {
                throw failure(settings.stackName, deleted.stackStatusAsString(), watcher.rootCause());
            }
            return Optional.empty();
        }
        return Optional.of(stack);
    }

    private DeployResult finish(CloudFormationClient cfn, StackSettings settings, Stack stack, boolean changed) {
        Stack current = cfn.describeStacks(b -> b.stackName(stack.stackId())).stacks().get(0);
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output output : current.outputs()) {
            outputs.put(output.outputKey(), output.outputValue());
        }
        StackOutputsFile.write(settings.outputsFile, current, outputs);
        return new DeployResult(current.stackId(), current.stackStatusAsString(), outputs, changed, List.of());
    }

    static FanoutException failure(String stackName, String status, Optional<StackEvent> cause) {
        return new FanoutException("Stack " + stackName + " failed (" + status + ")"
                + cause.map(e -> ": " + StackWatcher.describe(e)).orElse(""));
    }

    /** Sets what a create, update or change-set request carries besides the template, only what is set. */
    private static void options(StackSettings settings, Set<String> capabilities, Consumer<List<Parameter>> setParameters,
            Consumer<Set<String>> setCapabilities, Consumer<List<Tag>> setTags) {
        if (!settings.parameters.isEmpty()) {
            setParameters.accept(parameters(settings));
        }
        if (!capabilities.isEmpty()) {
            setCapabilities.accept(capabilities);
        }
        if (!settings.tags.isEmpty()) {
            setTags.accept(tags(settings));
        }
    }

    private static List<Parameter> parameters(StackSettings settings) {
        List<Parameter> list = new ArrayList<>();
        settings.parameters.forEach((k, v) -> list.add(Parameter.builder().parameterKey(k).parameterValue(v).build()));
        return list;
    }

    private static List<Tag> tags(StackSettings settings) {
        List<Tag> list = new ArrayList<>();
        settings.tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
        return list;
    }
}
