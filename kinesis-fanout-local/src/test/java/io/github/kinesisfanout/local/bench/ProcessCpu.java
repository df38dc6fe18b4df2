package io.github.kinesisfanout.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time a process has used so far (user plus system, all its threads: JIT and GC included),
 * read from {@code /proc/PID/stat} for another process, or from the JVM for this one.
 */
final class ProcessCpu {

    private final long pid;
    private final long nanosPerTick;

    private ProcessCpu(long pid, long nanosPerTick) {
        this.pid = pid;
        this.nanosPerTick = nanosPerTick;
    }

    /** Another process, by id (Linux); {@code -1} for this JVM. */
    static ProcessCpu of(long pid) {
        if (pid == -1) {
            return new ProcessCpu(-1, 0);
        }
        if (!Files.isReadable(stat(pid))) {
            throw new IllegalArgumentException("--server-pid " + pid + ": cannot read " + stat(pid));
        }
        return new ProcessCpu(pid, 1_000_000_000L / clockTicksPerSecond());
    }

    /** CPU nanoseconds used so far. */
    long nanos() {
        if (pid == -1) {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
        try {
            String stat = Files.readString(stat(pid));
            // Fields after the command name (which may hold spaces, in parentheses): state is field 3,
            // utime field 14 and stime field 15, in clock ticks.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * nanosPerTick;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + stat(pid) + " (has the server stopped?)", e);
        }
    }

    /** The clock tick of /proc times: {@code getconf CLK_TCK}, 100 on Linux unless configured otherwise. */
    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    private static Path stat(long pid) {
        return Path.of("/proc", Long.toString(pid), "stat");
    }
}
