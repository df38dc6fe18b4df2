package io.github.kinesisfanout.local.bench;

import java.util.Arrays;

/**
 * Command-line options of {@link KinesisBenchmark}.
 *
 * @param endpoint an external Kinesis endpoint, or null for an in-process LocalCloud
 * @param cbor whether the SDK client uses CBOR (its default) or JSON
 * @param shards shards per stream
 * @param seconds how long each write run lasts
 * @param readLimit the GetRecords Limit
 * @param sizes record sizes in bytes
 * @param threads client thread counts
 * @param storages for an in-process cloud: {@code memory} and/or {@code disk} (a data directory), run in that order
 * @param records when positive, each run writes this many records in all (split between the threads) instead of
 *     writing for {@code seconds}
 * @param repeat how many times each (size, threads) run is made; the median is printed after them
 * @param warmupRuns runs of each (size, threads) made before those, printed but left out of the median (JIT
 *     compilation of a fresh server)
 * @param serverPid when positive, the process whose CPU time (utime + stime of /proc/PID/stat) is read around
 *     each run's writes and reads and reported per record; 0 for none, -1 for this JVM (an in-process cloud)
 */
record BenchOptions(String endpoint, boolean cbor, int shards, double seconds, int readLimit, int[] sizes,
        int[] threads, String[] storages, int records, int repeat, int warmupRuns, long serverPid) {

    static BenchOptions parse(String[] args) {
        String endpoint = null;
        boolean cbor = true;
        int shards = 4;
        double seconds = 3;
        int readLimit = 10_000;
        int[] sizes = {100, 1000};
        int[] threads = {1, 2, 4};
        String[] storages = {"memory"};
        int records = 0;
        int repeat = 1;
        int warmupRuns = 0;
        long serverPid = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--endpoint" -> endpoint = value;
                case "--cbor" -> cbor = Boolean.parseBoolean(value);
                case "--shards" -> shards = Integer.parseInt(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--read-limit" -> readLimit = Integer.parseInt(value);
                case "--sizes" -> sizes = ints(value);
                case "--threads" -> threads = ints(value);
                case "--storage" -> storages = value.split(",");
                case "--records" -> records = Integer.parseInt(value);
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--warmup-runs" -> warmupRuns = Integer.parseInt(value);
                case "--server-pid" -> serverPid = value.equals("self") ? -1 : Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --endpoint URL"
                        + " --cbor true|false --shards N --seconds S --read-limit N --sizes 100,1000 --threads 1,2,4"
                        + " --storage memory,disk --records N --repeat N --warmup-runs N --server-pid PID|self");
            }
        }
        if (repeat < 1 || warmupRuns < 0) {
            throw new IllegalArgumentException("--repeat must be at least 1 and --warmup-runs at least 0, not "
                    + repeat + " and " + warmupRuns);
        }
        return new BenchOptions(endpoint, cbor, shards, seconds, readLimit, sizes, threads, storages, records, repeat,
                warmupRuns, serverPid);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
