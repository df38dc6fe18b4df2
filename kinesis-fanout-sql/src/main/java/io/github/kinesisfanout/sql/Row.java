package io.github.kinesisfanout.sql;

import java.util.List;

/**
 * One row of an in-application stream.
 *
 * <p>Values use exactly these Java types, per column type:
 * <ul>
 *   <li>CHAR(n), VARCHAR(n): {@link String} (CHAR blank-padded to n characters)</li>
 *   <li>TINYINT {@link Byte}, SMALLINT {@link Short}, INTEGER {@link Integer}, BIGINT {@link Long}</li>
 *   <li>DECIMAL(p,s): {@link java.math.BigDecimal} whose scale is exactly s</li>
 *   <li>REAL {@link Float}, DOUBLE {@link Double}</li>
 *   <li>BOOLEAN {@link Boolean}</li>
 *   <li>DATE {@link java.time.LocalDate}, TIME {@link java.time.LocalTime}, TIMESTAMP
 *       {@link java.time.LocalDateTime} (UTC, millisecond precision)</li>
 *   <li>BINARY(n), VARBINARY(n): {@code byte[]}</li>
 *   <li>SQL NULL: {@code null}</li>
 * </ul>
 * The same types are expected by {@link RunningApplication#pushRow} (any {@link Number} is accepted
 * for a numeric column and converted). The engine never modifies a row once delivered, so a sink may
 * hand it to another thread; sinks must not modify it either.
 *
 * @param stream the stream name as stored
 * @param columns the column names in order
 * @param values the values, one per column
 * @param rowtimeMillis the ROWTIME of the row
 */
public record Row(String stream, List<String> columns, Object[] values, long rowtimeMillis) {
}
