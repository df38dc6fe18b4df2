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
 */
record BenchOptions(String endpoint, boolean cbor, int shards, double seconds, int readLimit, int[] sizes,
        int[] threads, String[] storages) {

    static BenchOptions parse(String[] args) {
        String endpoint = null;
        boolean cbor = true;
        int shards = 4;
        double seconds = 3;
        int readLimit = 10_000;
        int[] sizes = {100, 1000};
        int[] threads = {1, 2, 4};
        String[] storages = {"memory"};
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
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: --endpoint URL"
                        + " --cbor true|false --shards N --seconds S --read-limit N --sizes 100,1000 --threads 1,2,4"
                        + " --storage memory,disk");
            }
        }
        return new BenchOptions(endpoint, cbor, shards, seconds, readLimit, sizes, threads, storages);
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
