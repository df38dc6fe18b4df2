package io.github.kinesisfanout.flink.functions;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions between epoch milliseconds and UTC timestamps, as the project's engine does them. */
final class Times {

    private Times() {
    }

    /** The UTC timestamp of epoch milliseconds. */
    static LocalDateTime timestamp(long epochMillis) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
    }

    /** Epoch milliseconds of a timestamp read as UTC. */
    static long epochMillis(LocalDateTime timestamp) {
        return timestamp.toEpochSecond(ZoneOffset.UTC) * 1000L + timestamp.getNano() / 1_000_000;
    }
}
