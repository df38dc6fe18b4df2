package io.github.kinesisfanout.sql.analyze;

import java.util.List;

/**
 * A pump's ORDER BY on a stream (reference ORDER BY clause): the leading key ascends with ROWTIME; rows
 * are collected while it keeps one value, then emitted sorted by the other keys when it changes.
 *
 * @param keys the sort keys over the pump's output row (the target stream's columns, and ROWTIME) followed by the
 *     hidden values: column {@code target width + j} is {@code hidden.get(j)}
 * @param descending for each key, whether DESC was given
 * @param nullsFirst for each key, whether NULLs sort first (by default NULL is the lowest value)
 * @param hidden the values of keys that are no select item, over the input row of the query's one SELECT, or over
 *     its aggregate row when it groups (the reference: the ORDER BY's columns need not be in the select list);
 *     empty when none
 */
public record Ordering(List<Expr> keys, List<Boolean> descending, List<Boolean> nullsFirst, List<Expr> hidden) {

    /** An ORDER BY of select items only. */
    public Ordering(List<Expr> keys, List<Boolean> descending, List<Boolean> nullsFirst) {
        this(keys, descending, nullsFirst, List.of());
    }
}
