package io.github.kinesisfanout.operations.verify;

import io.github.kinesisfanout.operations.FanoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Outputs to check written on one line, for the command line:
 * {@code POSITIVE_TRANSACTIONS=PositiveTransactions@consumer-fn,NEGATIVE_TRANSACTIONS=NegativeTransactions}
 * (in-application stream, Kinesis stream by name or ARN, optionally {@code @} and the consumer
 * function; {@code @} appears in no stream name or ARN).
 */
public final class OutputSpecs {

    private OutputSpecs() {
    }

    /**
     * @param spec the line, entries separated by commas
     * @param property the user property it came from, for the error message
     */
    public static List<OutputSpec> parse(String spec, String property) {
        List<OutputSpec> outputs = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String text = entry.trim();
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new FanoutException("'" + text + "' in -D" + property + " is not NAME=STREAM[@FUNCTION]: write e.g."
                        + " -D" + property + "=POSITIVE_TRANSACTIONS=PositiveTransactions@my-consumer");
            }
            String name = text.substring(0, equals).trim();
            String target = text.substring(equals + 1).trim();
            int at = target.indexOf('@');
            String stream = at < 0 ? target : target.substring(0, at).trim();
            String function = at < 0 || at == target.length() - 1 ? null : target.substring(at + 1).trim();
            outputs.add(new OutputSpec(name, stream, function, null, null));
        }
        return outputs;
    }
}
