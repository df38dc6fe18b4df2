package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the error_stream rows of records the engine never sees (those whose preprocessing failed), with the
 * columns and value types of the engine's own error rows (reference §3.4): ERROR_TIME, ERROR_LEVEL
 * {@code ERROR}, ERROR_NAME, MESSAGE (at most 4096 characters), DATA_ROWTIME, DATA_ROW (the record bytes in
 * upper-case hex, at most 49152 characters) and a null PUMP_NAME.
 */
final class ErrorStreamRows {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final CompiledApplication compiled;
    private List<String> columns;

    ErrorStreamRows(CompiledApplication compiled) {
        this.compiled = compiled;
    }

    /** Called on the engine thread only. */
    Row row(RejectedRecord rejected, long errorTime, long rowtime) {
        if (columns == null) {
            columns = compiled.streams().stream().filter(s -> RunnerLauncher.ERROR_STREAM.equals(s.name()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the application has no error_stream"))
                    .columns().stream().map(CompiledApplication.ColumnDescription::name).toList();
        }
        String hex = HEX.formatHex(rejected.record().data());
        String message = rejected.message();
        Object[] values = {timestamp(errorTime), "ERROR", rejected.errorName(),
            message.length() > 4096 ? message.substring(0, 4096) : message, timestamp(rowtime),
            hex.length() > 49152 ? hex.substring(0, 49152) : hex, null};
        return new Row(RunnerLauncher.ERROR_STREAM, columns, values, rowtime);
    }

    private static LocalDateTime timestamp(long epochMillis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }
}
