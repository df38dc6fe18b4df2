package io.github.kinesisfanout.local.conformance;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The timestamp formats of AWS's protocols: ISO-8601 (Query, XML bodies) and RFC 1123 (headers). */
final class Timestamps {

    private Timestamps() {
    }

    /** True for ISO-8601 with an offset (e.g. {@code 2024-01-02T03:04:05.678Z}). */
    static boolean parses(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }

    /** True for an HTTP date (e.g. {@code Tue, 02 Jan 2024 03:04:05 GMT}). */
    static boolean parsesHttpDate(String text) {
        try {
            ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
