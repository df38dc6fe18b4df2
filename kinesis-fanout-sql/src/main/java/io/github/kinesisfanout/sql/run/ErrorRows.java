package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.type.Values;

/**
 * Builds rows of error_stream (reference §3.4): ERROR_TIME (the instance clock when the error
 * happened), ERROR_LEVEL {@code ERROR}, ERROR_NAME, MESSAGE, DATA_ROWTIME, DATA_ROW (hex of the
 * record bytes, or of the failing row rendered as JSON) and PUMP_NAME (null for input errors).
 */
final class ErrorRows {

    private ErrorRows() {
    }

    static Object[] row(long now, String errorName, String message, long dataRowtime, byte[] data, String pump) {
        String hex = Values.hex(data);
        if (hex.length() > 49152) {
            hex = hex.substring(0, 49152);
        }
        String text = message.length() > 4096 ? message.substring(0, 4096) : message;
        return new Object[] {Values.timestamp(now), "ERROR", errorName, text, Values.timestamp(dataRowtime), hex, pump};
    }
}
