package io.github.kinesisfanout.sql.plan;

import java.util.List;

/**
 * A compiled pump.
 *
 * @param name the pump name
 * @param target index of the stream written
 * @param targetColumns for each projection, the target column it fills (others are NULL)
 * @param notNull for each target column, whether it is NOT NULL
 * @param branches the SELECT STREAM branches
 * @param order the streaming ORDER BY, or null
 */
public record PumpPlan(String name, int target, int[] targetColumns, boolean[] notNull, List<BranchPlan> branches,
        OrderPlan order) {
}
