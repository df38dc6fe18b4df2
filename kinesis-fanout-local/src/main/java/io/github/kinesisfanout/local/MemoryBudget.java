package io.github.kinesisfanout.local;

import java.util.Locale;

/**
 * How many bytes of data a local cloud with a data directory keeps in memory: two thirds for Kinesis
 * record payloads (shared by every stream), one third for CloudWatch Logs events; past its share each
 * service reads older data back from its files in the data directory. The default, 96 MiB, is 64 MiB of
 * records and 32 MiB of log events.
 *
 * @param bytes the whole budget, at least {@link #MIN_BYTES}
 */
public record MemoryBudget(long bytes) {

    /** The smallest budget: 1 MiB. */
    public static final long MIN_BYTES = 1024L * 1024;
    /** 96 MiB: 64 MiB of Kinesis records, 32 MiB of CloudWatch Logs events. */
    public static final MemoryBudget DEFAULT = new MemoryBudget(96L * 1024 * 1024);
    /** What the sizes look like, for error messages. */
    public static final String SIZE_FORMS = "a size such as 64m, 1g or 1048576 (bytes; k, m, g are KiB, MiB, GiB)";

    public MemoryBudget {
        if (bytes < MIN_BYTES) {
            throw new IllegalArgumentException("memoryBudget must be at least " + MIN_BYTES + " bytes (1 MiB), was "
                    + bytes);
        }
    }

    /**
     * Reads a size: a number of bytes, or a number followed by {@code k}, {@code m} or {@code g} (KiB,
     * MiB, GiB; either case), e.g. {@code 64m}, {@code 1g}, {@code 1048576}.
     *
     * @throws IllegalArgumentException naming the text when it is no size, or a size below 1 MiB
     */
    public static MemoryBudget parse(String text) {
        String size = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (!size.isEmpty()) {
            switch (size.charAt(size.length() - 1)) {
                case 'k' -> unit = 1024L;
                case 'm' -> unit = 1024L * 1024;
                case 'g' -> unit = 1024L * 1024 * 1024;
                default -> unit = 1;
            }
        }
        String digits = unit == 1 ? size : size.substring(0, size.length() - 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not " + SIZE_FORMS);
        }
        try {
            return new MemoryBudget(Math.multiplyExact(Long.parseLong(digits), unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large for a memory budget", e);
        }
    }

    /** The share of Kinesis record payloads: two thirds. */
    public long kinesisBytes() {
        return bytes / 3 * 2 + bytes % 3 * 2 / 3;
    }

    /** The share of CloudWatch Logs events: the third left. */
    public long logsBytes() {
        return bytes - kinesisBytes();
    }

    /** E.g. {@code 96 MiB (64 MiB Kinesis records, 32 MiB CloudWatch Logs events)}. */
    @Override
    public String toString() {
        return size(bytes) + " (" + size(kinesisBytes()) + " Kinesis records, " + size(logsBytes())
                + " CloudWatch Logs events)";
    }

    private static String size(long bytes) {
        if (bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + " GiB";
        }
        return bytes % (1024L * 1024) == 0 ? bytes / (1024L * 1024) + " MiB" : bytes + " bytes";
    }
}
