package io.github.kinesisfanout.sql;

import java.util.List;

/**
 * How the records of one application input become rows of an in-application stream, as the
 * Kinesis Analytics {@code InputSchema} describes it.
 *
 * @param namePrefix the in-application stream name prefix, e.g. {@code SOURCE_SQL_STREAM}; the
 *     stream is created quoted as {@code <prefix>_001} (and _002... with input parallelism)
 * @param format how a record is parsed into columns
 * @param columns the columns in order; each has a name, an SQL type and (JSON) a mapping path
 * @param encoding the record encoding, {@code UTF-8}
 * @param parallelism the InputParallelism count, 1 to 64: the input makes the in-application streams
 *     {@code <prefix>_001} to {@code <prefix>_00N}, all with these columns
 */
public record InputSchema(String namePrefix, RecordFormat format, List<Column> columns, String encoding,
        int parallelism) {

    public InputSchema {
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Input parallelism must be between 1 and 64, was " + parallelism);
        }
    }

    /** An input with parallelism 1: one in-application stream, {@code <prefix>_001}. */
    public InputSchema(String namePrefix, RecordFormat format, List<Column> columns, String encoding) {
        this(namePrefix, format, columns, encoding, 1);
    }

    /** The same input with another parallelism. */
    public InputSchema withParallelism(int count) {
        return new InputSchema(namePrefix, format, columns, encoding, count);
    }

    /**
     * One column of the input schema.
     *
     * @param name the column name, kept as given (created quoted)
     * @param sqlType the SQL type as written, e.g. {@code DECIMAL(5,2)}
     * @param mapping the JSON path, e.g. {@code $.AMOUNT}; null for CSV
     */
    public record Column(String name, String sqlType, String mapping) {
    }

    /**
     * The record format: JSON with a row path, or CSV with its delimiters.
     *
     * @param type {@code JSON} or {@code CSV}
     * @param recordRowPath JSON only, e.g. {@code $}
     * @param recordRowDelimiter CSV only, e.g. {@code "\n"}
     * @param recordColumnDelimiter CSV only, e.g. {@code ","}
     */
    public record RecordFormat(String type, String recordRowPath, String recordRowDelimiter,
            String recordColumnDelimiter) {

        public static RecordFormat json(String recordRowPath) {
            return new RecordFormat("JSON", recordRowPath, null, null);
        }

        public static RecordFormat csv(String rowDelimiter, String columnDelimiter) {
            return new RecordFormat("CSV", null, rowDelimiter, columnDelimiter);
        }
    }
}
