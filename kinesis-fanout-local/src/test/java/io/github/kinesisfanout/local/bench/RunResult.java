package io.github.kinesisfanout.local.bench;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One {@link KinesisBenchmark} run: PutRecords and GetRecords rates, records written (each read back once),
 * and the server's CPU microseconds per record while writing, while reading and in all (0 when not measured).
 */
record RunResult(double putRate, double getRate, long records, double putCpuMicros, double getCpuMicros,
        double cpuMicros) {

    RunResult(double putRate, double getRate, long records, double putCpuMicros, double getCpuMicros) {
        this(putRate, getRate, records, putCpuMicros, getCpuMicros, putCpuMicros + getCpuMicros);
    }

    String line(int size, int threads, String note, boolean cpu) {
        String rates = String.format(Locale.ROOT, "%-6d %-7d %14.0f %14.0f %10d", size, threads, putRate, getRate,
                records);
        return cpu ? rates + String.format(Locale.ROOT, " %12.2f %12.2f %12.2f", putCpuMicros, getCpuMicros,
                cpuMicros()) + note : rates + note;
    }

    /** The median of each figure on its own. */
    static RunResult median(List<RunResult> runs) {
        return new RunResult(median(runs, RunResult::putRate), median(runs, RunResult::getRate),
                runs.get(0).records(), median(runs, RunResult::putCpuMicros), median(runs, RunResult::getCpuMicros),
                median(runs, RunResult::cpuMicros));
    }

    /** The lowest and highest server CPU per record of the runs, e.g. {@code 3.10-4.02}. */
    static String cpuRange(List<RunResult> runs) {
        double min = runs.stream().mapToDouble(RunResult::cpuMicros).min().orElse(0);
        double max = runs.stream().mapToDouble(RunResult::cpuMicros).max().orElse(0);
        return String.format(Locale.ROOT, "%.2f-%.2f us/rec", min, max);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
