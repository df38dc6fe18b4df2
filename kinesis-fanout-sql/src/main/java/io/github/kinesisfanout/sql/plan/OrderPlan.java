package io.github.kinesisfanout.sql.plan;

import io.github.kinesisfanout.sql.analyze.Ordering;

/**
 * A compiled streaming ORDER BY: the keys over a pump's output row and how each sorts.
 *
 * @param keys the sort keys; the first ascends with ROWTIME
 * @param descending for each key, DESC
 * @param nullsFirst for each key, whether NULL sorts first
 * @param hidden the values of keys that are no select item, over the SELECT's input row, carried after the output
 *     row's columns while the rows are collected
 */
public record OrderPlan(Evaluator[] keys, boolean[] descending, boolean[] nullsFirst, Evaluator[] hidden) {

    static OrderPlan of(Ordering o) {
        boolean[] desc = new boolean[o.keys().size()];
        boolean[] nulls = new boolean[desc.length];
        for (int i = 0; i < desc.length; i++) {
            desc[i] = o.descending().get(i);
            nulls[i] = o.nullsFirst().get(i);
        }
        return new OrderPlan(EvaluatorCompiler.compileAll(o.keys()).toArray(new Evaluator[0]), desc, nulls,
                EvaluatorCompiler.compileAll(o.hidden()).toArray(new Evaluator[0]));
    }

    /** Whether two values of the leading key are equal. */
    public boolean sameLeading(Object a, Object b) {
        return a == null ? b == null : b != null && Comparisons.compare(a, b) == 0;
    }

    /** Compares two rows' key values from the second key on. */
    public int compareRest(Object[] a, Object[] b) {
        for (int i = 1; i < keys.length; i++) {
            Object x = a[i];
            Object y = b[i];
            int c;
            if (x == null || y == null) {
                c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
            } else {
                c = Comparisons.compare(x, y);
                c = descending[i] ? -c : c;
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
