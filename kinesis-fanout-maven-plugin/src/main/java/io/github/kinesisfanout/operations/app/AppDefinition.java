package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.ApplicationOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationDetail;
import software.amazon.awssdk.services.kinesisanalytics.model.ApplicationUpdate;
import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.InputDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.InputUpdate;
import software.amazon.awssdk.services.kinesisanalytics.model.Output;
import software.amazon.awssdk.services.kinesisanalytics.model.OutputDescription;
import software.amazon.awssdk.services.kinesisanalytics.model.OutputUpdate;
import software.amazon.awssdk.services.kinesisanalytics.model.ReferenceDataSourceDescription;

/**
 * The application as the build describes it (its outputs' streams by ARN), in SDK shapes, and how it differs from a deployed
 * one: what UpdateApplication must change and which outputs and reference table to add or delete.
 */
final class AppDefinition {

    private final CreateAppRequest request;

    AppDefinition(CreateAppRequest request) {
        this.request = request;
    }

    Input input() {
        return Input.builder().namePrefix(request.namePrefix())
                .kinesisStreamsInput(k -> k.resourceARN(request.inputStreamArn()).roleARN(request.roleArn()))
                .inputParallelism(p -> p.count(request.parallelism()))
                .inputSchema(request.schema()).build();
    }

    List<Output> outputs() {
        List<Output> outputs = new ArrayList<>();
        for (ApplicationOutput target : request.outputs()) {
            outputs.add(output(target));
        }
        return outputs;
    }

    Output output(ApplicationOutput target) {
        return Output.builder().name(target.name())
                .kinesisStreamsOutput(k -> k.resourceARN(target.stream()).roleARN(request.roleArn()))
                .destinationSchema(d -> d.recordFormatType(target.format())).build();
    }

    /**
     * The changes UpdateApplication must make, or null when code, input, kept outputs and a kept reference table are
     * as wanted.
     *
     * @param referenceContentChanged the reference object now holds other bytes, so the table must be reloaded
     */
    ApplicationUpdate update(ApplicationDetail deployed, boolean referenceContentChanged, List<String> changes) {
        ApplicationUpdate.Builder update = ApplicationUpdate.builder();
        boolean any = false;
        if (!Objects.equals(normalize(deployed.applicationCode()), normalize(request.code()))) {
            update.applicationCodeUpdate(request.code());
            changes.add("code");
            any = true;
        }
        if (deployed.hasInputDescriptions() && !deployed.inputDescriptions().isEmpty()) {
            InputDescription input = deployed.inputDescriptions().get(0);
            if (!sameInput(input)) {
                update.inputUpdates(InputUpdate.builder().inputId(input.inputId())
                        .namePrefixUpdate(request.namePrefix())
                        .kinesisStreamsInputUpdate(k -> k.resourceARNUpdate(request.inputStreamArn()).roleARNUpdate(request.roleArn()))
                        .inputParallelismUpdate(p -> p.countUpdate(request.parallelism()))
                        .inputSchemaUpdate(s -> s.recordFormatUpdate(request.schema().recordFormat())
                                .recordEncodingUpdate(request.schema().recordEncoding())
                                .recordColumnUpdates(request.schema().recordColumns()))
                        .build());
                changes.add("input");
                any = true;
            }
        }
        List<OutputUpdate> outputUpdates = new ArrayList<>();
        for (OutputDescription output : deployed.outputDescriptions()) {
            ApplicationOutput wanted = wanted(output.name());
            if (wanted != null && !sameOutput(output, wanted)) {
                outputUpdates.add(OutputUpdate.builder().outputId(output.outputId())
                        .kinesisStreamsOutputUpdate(k -> k.resourceARNUpdate(wanted.stream()).roleARNUpdate(request.roleArn()))
                        .destinationSchemaUpdate(d -> d.recordFormatType(wanted.format())).build());
                changes.add("output " + output.name());
            }
        }
        if (!outputUpdates.isEmpty()) {
            update.outputUpdates(outputUpdates);
            any = true;
        }
        ReferenceSource reference = request.reference();
        var deployedReference = ReferenceDifference.deployed(deployed);
        if (reference != null && deployedReference.isPresent()) {
            List<String> differences = ReferenceDifference.differences(deployedReference.get(), reference);
            // New bytes under the object the application already reads; another object is news enough.
            if (referenceContentChanged && !differences.contains("bucket") && !differences.contains("key")) {
                differences.add("content");
            }
            if (!differences.isEmpty()) {
                update.referenceDataSourceUpdates(ReferenceDifference.update(deployedReference.get(), reference));
                changes.add("reference table " + reference.tableName() + (differences.equals(List.of("content"))
                        ? " reloaded (new content in " + reference.location() + ")"
                        : " updated (" + String.join(", ", differences) + ")"));
                any = true;
            }
        }
        return any ? update.build() : null;
    }

    boolean hasInput(ApplicationDetail deployed) {
        return deployed.hasInputDescriptions() && !deployed.inputDescriptions().isEmpty();
    }

    /** The reference source to add: the build declares one and the application has none. */
    Optional<ReferenceSource> addedReference(ApplicationDetail deployed) {
        return request.reference() != null && ReferenceDifference.deployed(deployed).isEmpty()
                ? Optional.of(request.reference()) : Optional.empty();
    }

    /** The deployed reference source the build no longer declares. */
    Optional<ReferenceDataSourceDescription> removedReference(ApplicationDetail deployed) {
        return request.reference() == null ? ReferenceDifference.deployed(deployed) : Optional.empty();
    }

    /** Deployed outputs the build no longer lists. */
    List<OutputDescription> removedOutputs(ApplicationDetail deployed) {
        return deployed.outputDescriptions().stream().filter(o -> wanted(o.name()) == null).toList();
    }

    /** Outputs the build lists that are not deployed. */
    List<ApplicationOutput> addedOutputs(ApplicationDetail deployed) {
        return request.outputs().stream()
                .filter(t -> deployed.outputDescriptions().stream().noneMatch(o -> o.name().equals(t.name()))).toList();
    }

    private boolean sameInput(InputDescription input) {
        return request.namePrefix().equals(input.namePrefix())
                && input.kinesisStreamsInputDescription() != null
                && request.inputStreamArn().equals(input.kinesisStreamsInputDescription().resourceARN())
                && request.roleArn().equals(input.kinesisStreamsInputDescription().roleARN())
                && input.inputParallelism() != null && input.inputParallelism().count() == request.parallelism()
                && request.schema().recordFormat().equals(input.inputSchema().recordFormat())
                && request.schema().recordColumns().equals(input.inputSchema().recordColumns());
    }

    private boolean sameOutput(OutputDescription output, ApplicationOutput wanted) {
        return output.kinesisStreamsOutputDescription() != null
                && wanted.stream().equals(output.kinesisStreamsOutputDescription().resourceARN())
                && request.roleArn().equals(output.kinesisStreamsOutputDescription().roleARN())
                && output.destinationSchema() != null
                && wanted.format().equals(output.destinationSchema().recordFormatTypeAsString());
    }

    private ApplicationOutput wanted(String name) {
        return request.outputs().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    private static String normalize(String code) {
        return code == null ? "" : code.strip().replace("\r\n", "\n");
    }
}
