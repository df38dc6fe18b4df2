package io.github.kinesisfanout.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Our engine against the Flink job on the sample's reference application and the same generated records, in memory
 * and through the local cloud's Kinesis, printed as one table.
 * Run: {@code ./mvnw -B -pl kinesis-fanout-flink -am -Pbench-engines -DskipTests -Dinvoker.skip verify
 * [-Dbench.args="--memory-records 2000000 --kinesis-records 200000"]}.
 */
public final class EngineComparison {

    private EngineComparison() {
    }

    public static void main(String[] args) throws Exception {
        int memoryRecords = 2_000_000;
        int kinesisRecords = 200_000;
        Path sample = Path.of(System.getProperty("kinesisfanout.sample", "../sample-project/src/main"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--memory-records" -> memoryRecords = Integer.parseInt(args[i + 1]);
                case "--kinesis-records" -> kinesisRecords = Integer.parseInt(args[i + 1]);
                case "--sample" -> sample = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (arguments: --memory-records N --kinesis-records N --sample DIR)");
            }
        }
        ReferenceApplication app = ReferenceApplication.load(sample);
        Path dir = Files.createTempDirectory("engine-comparison");
        System.out.printf(Locale.ROOT, "%d cores; load average at the start %s%n",
                Runtime.getRuntime().availableProcessors(), Measurement.loadAverage());
        List<Measurement> rows = new ArrayList<>();
        InMemoryComparison memory = new InMemoryComparison(app, memoryRecords);
        rows.add(memory.engine());
        rows.add(memory.flink(dir));
        if (kinesisRecords > 0) {
            rows.addAll(new KinesisComparison(app, kinesisRecords).run(dir.resolve("kinesis")));
        }
        print(rows);
    }

    private static void print(List<Measurement> rows) {
        System.out.println();
        System.out.println("| Run | Engine | Records | Seconds | Records/s | Records per CPU-second | Load | Detail |");
        System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for (Measurement row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.2f | %,.0f | %s | %s | %s |%n", row.run(), row.engine(),
                    row.records(), row.seconds(), row.rate(), row.cpuSeconds() > 0
                            ? String.format(Locale.ROOT, "%,.0f (%s)", row.ratePerCpuSecond(), row.cpuKind()) : "-",
                    row.load(), row.detail());
        }
        for (String run : List.of("in memory", "local Kinesis")) {
            List<Measurement> pair = rows.stream().filter(row -> row.run().equals(run)).toList();
            if (pair.size() == 2) {
                System.out.printf(Locale.ROOT, "%s: our engine / Flink = %.1fx records/s%s%n", run,
                        pair.get(0).rate() / pair.get(1).rate(), pair.get(1).cpuSeconds() > 0
                                ? String.format(Locale.ROOT, ", %.1fx records per CPU-second",
                                        pair.get(0).ratePerCpuSecond() / pair.get(1).ratePerCpuSecond()) : "");
            }
        }
    }
}
