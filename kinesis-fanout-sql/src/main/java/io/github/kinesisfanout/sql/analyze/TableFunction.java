package io.github.kinesisfanout.sql.analyze;

import java.util.List;
import java.util.Map;

/**
 * A table function over a cursor ({@code TABLE(f(CURSOR(SELECT STREAM ...), ...))}, reference 4.7): for
 * Random Cut Forest its rows are the cursor's rows with the function's columns appended; for the tumbling
 * item functions one or more rows per closed window (the item and its count, or the distinct count); for HOTSPOTS
 * the cursor's rows with the hotspots of the window ending at each; for GROUP_RANK the cursor's rows of each
 * ROWTIME group with their rank, released when the group is complete. A
 * pump branch with a table function reads the cursor's (hidden) stream and writes the function's (hidden)
 * stream; its projections are empty.
 *
 * @param name the function, e.g. RANDOM_CUT_FOREST or TOP_K_ITEMS_TUMBLING
 * @param parameters the documented parameters by name, in order, defaults filled in (Integer, Long, Double,
 *     Boolean or String values)
 * @param inputColumns the indexes of the cursor columns the function reads (for RCF: the numeric ones; for
 *     the tumbling item functions and GROUP_RANK: the named column; for HOTSPOTS: the numeric ones)
 */
public record TableFunction(String name, Map<String, Object> parameters, List<Integer> inputColumns) {

    public static final String RANDOM_CUT_FOREST = "RANDOM_CUT_FOREST";
    public static final String RANDOM_CUT_FOREST_WITH_EXPLANATION = "RANDOM_CUT_FOREST_WITH_EXPLANATION";
    public static final String TOP_K_ITEMS_TUMBLING = "TOP_K_ITEMS_TUMBLING";
    public static final String COUNT_DISTINCT_ITEMS_TUMBLING = "COUNT_DISTINCT_ITEMS_TUMBLING";
    public static final String HOTSPOTS = "HOTSPOTS";
    public static final String GROUP_RANK = "GROUP_RANK";
}
