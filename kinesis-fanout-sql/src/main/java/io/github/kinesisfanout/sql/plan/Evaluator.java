package io.github.kinesisfanout.sql.plan;

/** A compiled expression: computes one value from a row; null is SQL NULL (and UNKNOWN). */
@FunctionalInterface
public interface Evaluator {

    /**
     * @throws EvaluationException when the value cannot be computed (overflow, division by zero...)
     */
    Object eval(StreamRow row);
}
