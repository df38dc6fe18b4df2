package io.github.kinesisfanout.local.cloudformation;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.kinesisfanout.local.cloudformation.template.OutputDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves a stack's Outputs and checks that its export names are unique in the region. */
final class StackOutputs {

    private StackOutputs() {
    }

    static List<StackOutput> resolve(Stack stack, StackDefinition definition, StackEvaluation evaluation,
            Exports exports) {
        List<StackOutput> outputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (OutputDeclaration declaration : definition.template().outputs().values()) {
            try {
                if (declaration.condition() != null && !evaluation.condition(declaration.condition())) {
                    continue;
                }
                JsonNode value = evaluation.intrinsics().resolve(declaration.value());
                String text = value.isArray() ? join(value) : value.asText();
                String exportName = declaration.exportName() == null ? null
                        : evaluation.intrinsics().resolve(declaration.exportName()).asText();
                if (exportName != null) {
                    Optional<String> owner = exports.exportingStackId(exportName);
                    if (!names.add(exportName) || owner.isPresent() && !owner.get().equals(stack.stackId())) {
                        throw new StepFailure(null, "Export with name " + exportName
                                + " is already exported by stack " + owner.map(StackOutputs::nameOf).orElse(stack.stackName()));
                    }
                }
                outputs.add(new StackOutput(declaration.key(), text, declaration.description(), exportName));
            } catch (StepFailure e) {
                throw e;
            } catch (RuntimeException e) {
                throw new StepFailure(null, e.getMessage());
            }
        }
        return outputs;
    }

    private static String join(JsonNode list) {
        List<String> items = new ArrayList<>();
        list.forEach(item -> items.add(item.asText()));
        return String.join(",", items);
    }

    /** The stack name inside a stack id ARN (arn:...:stack/NAME/UUID). */
    private static String nameOf(String stackId) {
        String[] parts = stackId.split("/");
        return parts.length >= 2 ? parts[1] : stackId;
    }
}
