package io.github.kinesisfanout.sql.analyze;

import java.util.List;

/**
 * A pump's ORDER BY on a stream (reference ORDER BY clause): the leading key ascends with ROWTIME; rows
 * are collected while it keeps one value, then emitted sorted by the other keys when it changes.
 *
 * @param keys the sort keys over the pump's output row (the target stream's columns, and ROWTIME)
 * @param descending for each key, whether DESC was given
 * @param nullsFirst for each key, whether NULLs sort first (by default NULL is the lowest value)
 */
public record Ordering(List<Expr> keys, List<Boolean> descending, List<Boolean> nullsFirst) {
}
