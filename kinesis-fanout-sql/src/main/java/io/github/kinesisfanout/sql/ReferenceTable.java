package io.github.kinesisfanout.sql;

/**
 * A reference table of an application (Kinesis Analytics {@code ReferenceDataSource}): an in-application
 * table, read by SQL through a join with a stream, whose rows come from an object (S3 in Kinesis
 * Analytics) parsed with the table's schema.
 *
 * @param tableName the in-application table name, kept as given (created quoted, like input columns)
 * @param schema the {@code ReferenceSchema}: record format, columns, encoding; its name prefix is not used
 *     and may be null
 */
public record ReferenceTable(String tableName, InputSchema schema) {
}
