package io.github.kinesisfanout.sql;

import java.util.List;

/**
 * One row of an in-application stream.
 *
 * <p>Values use these Java types: VARCHAR/CHAR {@link String}; INTEGER {@link Integer}; BIGINT
 * {@link Long}; SMALLINT {@link Short}; TINYINT {@link Byte}; DECIMAL {@link java.math.BigDecimal}
 * with the column's scale; REAL {@link Float}; DOUBLE {@link Double}; BOOLEAN {@link Boolean};
 * TIMESTAMP {@link java.time.LocalDateTime}... exactly as the engine documents; null for SQL NULL.
 *
 * @param stream the stream name as stored
 * @param columns the column names in order
 * @param values the values, one per column
 * @param rowtimeMillis the ROWTIME of the row
 */
public record Row(String stream, List<String> columns, Object[] values, long rowtimeMillis) {
}
