package io.github.kinesisfanout.flink;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One row of the engine comparison.
 *
 * @param run {@code in memory} or {@code local Kinesis}
 * @param engine which engine ran the application
 * @param records records read
 * @param seconds wall-clock seconds of the measured window
 * @param cpuSeconds CPU seconds spent in that window (0 when not measured)
 * @param cpuKind what {@code cpuSeconds} counts
 * @param detail anything else measured
 * @param load the 1-minute load average at the end of the window
 */
record Measurement(String run, String engine, long records, double seconds, double cpuSeconds, String cpuKind,
        String detail, String load) {

    double rate() {
        return records / seconds;
    }

    double ratePerCpuSecond() {
        return cpuSeconds > 0 ? records / cpuSeconds : 0;
    }

    /** The first field of /proc/loadavg (the 1-minute load average), or {@code ?} when unreadable. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
