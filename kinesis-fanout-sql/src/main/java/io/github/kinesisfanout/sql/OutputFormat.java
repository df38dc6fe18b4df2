package io.github.kinesisfanout.sql;

/**
 * Serializes rows of a stream for an application output ({@code JSON}: one object per row, keys as
 * the columns are stored; {@code CSV}: one line per row). Obtained once per output, then reused.
 */
public interface OutputFormat {

    byte[] serialize(Row row);
}
