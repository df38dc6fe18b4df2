package io.github.kinesisfanout.sql;

/**
 * One construct of the application and what it became in Flink SQL.
 *
 * @param line 1-based line in the application code (0 for what comes from the input schema or outputs)
 * @param column 1-based column (0 likewise)
 * @param kdaConstruct the Kinesis Analytics construct, e.g. {@code STEP(ROWTIME BY INTERVAL '60' SECOND)}
 * @param flinkConstruct what it became, e.g. {@code TUMBLE table function}
 * @param difference a semantic difference the user should know, or null
 */
public record FlinkConstruct(int line, int column, String kdaConstruct, String flinkConstruct, String difference) {
}
