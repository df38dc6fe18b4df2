package io.github.kinesisfanout.local.analytics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The configuration of one application version: description, code, inputs, outputs, reference
 * data sources and logging options. Immutable: every configuration change makes a new one, which
 * is validated before it replaces the current one.
 */
record ApplicationConfig(String description, String code, List<ApplicationInput> inputs,
        List<ApplicationOutput> outputs, List<ObjectNode> references, List<ObjectNode> loggingOptions) {

    ApplicationConfig {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        references = List.copyOf(references);
        loggingOptions = List.copyOf(loggingOptions);
    }

    static ApplicationConfig empty() {
        return new ApplicationConfig(null, null, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The next id of a collection: {@code <ordinal>.1}, as AWS shows {@code 1.1} for the first input
     * and the first output; one more than the highest ordinal in use.
     */
    static String nextId(List<String> existingIds) {
        int highest = 0;
        for (String id : existingIds) {
            int dot = id.indexOf('.');
            highest = Math.max(highest, Integer.parseInt(dot < 0 ? id : id.substring(0, dot)));
        }
        return (highest + 1) + ".1";
    }

    ApplicationConfig withDescription(String value) {
        return new ApplicationConfig(value, code, inputs, outputs, references, loggingOptions);
    }

    ApplicationConfig withCode(String value) {
        return new ApplicationConfig(description, value, inputs, outputs, references, loggingOptions);
    }

    ApplicationConfig withInputs(UnaryOperator<List<ApplicationInput>> change) {
        return new ApplicationConfig(description, code, change.apply(new ArrayList<>(inputs)), outputs,
                references, loggingOptions);
    }

    ApplicationConfig withOutputs(UnaryOperator<List<ApplicationOutput>> change) {
        return new ApplicationConfig(description, code, inputs, change.apply(new ArrayList<>(outputs)),
                references, loggingOptions);
    }

    ApplicationConfig withReferences(UnaryOperator<List<ObjectNode>> change) {
        return new ApplicationConfig(description, code, inputs, outputs, change.apply(new ArrayList<>(references)),
                loggingOptions);
    }

    ApplicationConfig withLoggingOptions(UnaryOperator<List<ObjectNode>> change) {
        return new ApplicationConfig(description, code, inputs, outputs, references,
                change.apply(new ArrayList<>(loggingOptions)));
    }
}
