package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;

/** The running state of a table function: one output row (the input's values and the function's) per input row. */
interface TableOperator {

    /** The output row's values for one input row. */
    Object[] apply(StreamRow row);

    static TableOperator of(TableFunction function, StreamDef input) {
        return switch (function.name()) {
            case TableFunction.RANDOM_CUT_FOREST, TableFunction.RANDOM_CUT_FOREST_WITH_EXPLANATION ->
                    new RandomCutForestOperator(function, input);
            default -> throw new IllegalStateException("table function " + function.name());
        };
    }
}
