package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.SlidingWindow;

/**
 * A compiled sliding window: partition keys, frame, and the analytic calls over it.
 *
 * @param partition the PARTITION BY keys
 * @param rows true for ROWS n PRECEDING
 * @param size n rows, the range in milliseconds, or {@link SlidingWindow#UNBOUNDED}
 * @param calls the analytic calls
 * @param args their arguments (null entries for COUNT(*))
 * @param defaults for LAG, the default value (null entries otherwise)
 * @param keep how many of the newest rows an UNBOUNDED frame must keep for LAG and NTH_VALUE ... FROM LAST
 * @param keepFirst how many of the first rows an UNBOUNDED frame must keep for FIRST_VALUE and NTH_VALUE
 */
public record SlidingPlan(Evaluator[] partition, boolean rows, long size, SlidingWindow.Call[] calls, Evaluator[] args,
        Evaluator[] defaults, int keep, int keepFirst) {

    static SlidingPlan of(SlidingWindow w) {
        SlidingWindow.Call[] calls = w.calls().toArray(new SlidingWindow.Call[0]);
        Evaluator[] args = new Evaluator[calls.length];
        Evaluator[] defaults = new Evaluator[calls.length];
        int keep = 1;
        int keepFirst = 1;
        for (int i = 0; i < calls.length; i++) {
            args[i] = calls[i].arg() == null ? null : EvaluatorCompiler.compile(calls[i].arg());
            defaults[i] = calls[i].defaultValue() == null ? null : EvaluatorCompiler.compile(calls[i].defaultValue());
            if (calls[i].function() == SlidingWindow.Function.NTH_VALUE && !calls[i].fromLast()) {
                keepFirst = Math.max(keepFirst, calls[i].offset());
            } else if (calls[i].function() == SlidingWindow.Function.NTH_VALUE) {
                keep = Math.max(keep, calls[i].offset());
            } else {
                keep = Math.max(keep, calls[i].offset() + 1);
            }
        }
        return new SlidingPlan(EvaluatorCompiler.compileAll(w.partitionBy()).toArray(new Evaluator[0]), w.rows(),
                w.size(), calls, args, defaults, keep, keepFirst);
    }

    /** Fresh accumulators for a new partition. */
    public SlidingAccumulator[] newAccumulators() {
        SlidingAccumulator[] out = new SlidingAccumulator[calls.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SlidingAccumulator(calls[i], args[i] == null, size == SlidingWindow.UNBOUNDED);
        }
        return out;
    }
}
