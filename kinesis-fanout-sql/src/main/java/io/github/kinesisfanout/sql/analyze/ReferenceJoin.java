package io.github.kinesisfanout.sql.analyze;

/**
 * A join of a stream with a reference table (reference §4.6): a lookup per stream row, no window. A pump branch
 * with a join reads the stream and writes the joined rows to a hidden stream whose columns are those of the FROM
 * items in FROM order (the table's before the stream's when the table is written first); its projections are
 * empty.
 *
 * @param table the reference table (role REFERENCE)
 * @param tableFirst whether the table's columns come first in the joined row
 * @param outer whether a stream row without a matching table row is kept, with NULL table columns (LEFT JOIN with
 *     the stream on the left, RIGHT JOIN with it on the right)
 * @param on the join condition over the joined row, or null for every table row (a comma join or CROSS JOIN)
 */
public record ReferenceJoin(StreamDef table, boolean tableFirst, boolean outer, Expr on) {

    /** Where the table's columns start in the joined row. */
    public int tableOffset(int streamWidth) {
        return tableFirst ? 0 : streamWidth;
    }

    /** Where the stream's columns start in the joined row. */
    public int streamOffset() {
        return tableFirst ? table.columns().size() : 0;
    }
}
