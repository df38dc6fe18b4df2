package io.github.kinesisfanout.local.bench.soak;

import java.nio.file.Path;

/**
 * Command-line options of {@link FaultSoak}.
 *
 * @param durationSeconds how long records are put
 * @param rate records put per second
 * @param jar the local cloud's standalone jar, run as a child process
 * @param sampleDir the sample project (template, SQL, input schema, consumer jar under target/)
 * @param workDir where the data directory, the cloud's console logs and the report go (emptied first)
 * @param port the cloud's port, kept across its restart; 0 picks a free one
 * @param seed seeds the cloud's fault switches and the producer's partition keys
 * @param cloudHeap the cloud JVM's -Xmx
 * @param inputShards shards of the input stream (the sample has 1: too few for 2,000 records/s under AWS limits)
 * @param outputShards shards of each output stream
 */
record SoakOptions(int durationSeconds, int rate, Path jar, Path sampleDir, Path workDir, int port, long seed,
        String cloudHeap, int inputShards, int outputShards) {

    static final String USAGE = "options: --duration SECONDS (300) --rate RECORDS_PER_S (2000) --jar STANDALONE_JAR"
            + " --sample-dir DIR (sample-project) --work-dir DIR (target/fault-soak) --port N (0: a free one)"
            + " --seed N (20260125) --cloud-heap 1g --input-shards 4 --output-shards 2";

    static SoakOptions parse(String[] args) {
        int duration = 300;
        int rate = 2000;
        Path jar = null;
        Path sample = Path.of("sample-project");
        Path work = Path.of("target", "fault-soak");
        int port = 0;
        long seed = 20260125L;
        String heap = "1g";
        int inputShards = 4;
        int outputShards = 2;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration" -> duration = Integer.parseInt(value);
                case "--rate" -> rate = Integer.parseInt(value);
                case "--jar" -> jar = Path.of(value);
                case "--sample-dir" -> sample = Path.of(value);
                case "--work-dir" -> work = Path.of(value);
                case "--port" -> port = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--cloud-heap" -> heap = value;
                case "--input-shards" -> inputShards = Integer.parseInt(value);
                case "--output-shards" -> outputShards = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("--jar is not set: pass the local cloud's standalone jar"
                    + " (kinesis-fanout-local/target/kinesis-fanout-local-VERSION-standalone.jar); " + USAGE);
        }
        if (duration < 20) {
            throw new IllegalArgumentException("--duration must be at least 20 seconds (the faults need room), was "
                    + duration);
        }
        return new SoakOptions(duration, rate, jar.toAbsolutePath(), sample.toAbsolutePath(), work.toAbsolutePath(),
                port, seed, heap, inputShards, outputShards);
    }
}
