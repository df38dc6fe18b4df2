package io.github.kinesisfanout.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link LocalCloud} from the command line until Ctrl-C:
 * {@code java -jar kinesis-fanout-local-VERSION-standalone.jar --port 4566 [--host H] [--region R] [--data-dir DIR]}.
 */
public final class LocalCloudMain {

    private static final String USAGE = "usage: java -jar kinesis-fanout-local-standalone.jar [--port 4566]"
            + " [--host 127.0.0.1] [--region us-east-1] [--account-id 000000000000]"
            + " [--status-delay-ms 0] [--max-body-bytes 134217728] [--throughput-limits]"
            + " [--put-records-failure-rate 0.0] [--lambda-failure-rate 0.0] [--fault-seed N]"
            + " [--function-logs console|logs] [--data-dir DIR [--memory-budget 96m]]"
            + " [--flink-classpath JAR" + java.io.File.pathSeparator + "JAR...]"
            + " [--idle-timeout-ms 60000] [--verify-signatures ACCESS:SECRET[,ACCESS:SECRET]]";

    private LocalCloudMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalCloud unstarted;
        try {
            unstarted = parse(args).build();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // The process has no SLF4J binding: Netty logs through java.util.logging instead of warning about it.
        io.netty.util.internal.logging.InternalLoggerFactory.setDefaultFactory(
                io.netty.util.internal.logging.JdkLoggerFactory.INSTANCE);
        LocalCloud cloud;
        try {
            cloud = unstarted.start();
        } catch (io.github.kinesisfanout.local.storage.DataDirectoryException e) {
            System.err.println("kinesis-fanout local cloud cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cloud.close();
            stopped.countDown();
        }, "local-cloud-shutdown"));
        System.out.println("kinesis-fanout local cloud ready at " + cloud.endpoint() + " (region "
                + cloud.settings().region() + ", account " + cloud.settings().accountId() + "); Ctrl-C stops it");
        stopped.await();
    }

    /** Reads the command-line options into a builder; IllegalArgumentException names a bad option. */
    static LocalCloud.Builder parse(String[] args) {
        LocalCloud.Builder builder = LocalCloud.builder().port(4566);
        boolean dataDirectory = false;
        String memoryBudget = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("kinesis-fanout local cloud");
            }
            if (option.equals("--throughput-limits")) {
                builder.throughputLimits(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value");
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--port" -> builder.port(Integer.parseInt(value));
                    case "--host" -> builder.host(value);
                    case "--region" -> builder.region(value);
                    case "--account-id" -> builder.accountId(value);
                    case "--status-delay-ms" -> builder.statusTransitionDelay(Duration.ofMillis(Long.parseLong(value)));
                    case "--max-body-bytes" -> builder.maxRequestBodyBytes(Integer.parseInt(value));
                    case "--put-records-failure-rate" -> builder.putRecordsFailureRate(Double.parseDouble(value));
                    case "--lambda-failure-rate" -> builder.lambdaFailureRate(Double.parseDouble(value));
                    case "--fault-seed" -> builder.faultSeed(Long.parseLong(value));
                    case "--function-logs" -> builder.functionLogsToConsole(functionLogsToConsole(value));
                    case "--data-dir" -> {
                        builder.dataDirectory(java.nio.file.Path.of(value));
                        dataDirectory = true;
                    }
                    case "--memory-budget" -> {
                        builder.memoryBudget(memoryBudget(value));
                        memoryBudget = value;
                    }
                    case "--flink-classpath" -> builder.flinkClasspath(java.util.Arrays.stream(
                            value.split(java.io.File.pathSeparator)).filter(p -> !p.isEmpty()).map(java.nio.file.Path::of).toList());
                    case "--idle-timeout-ms" -> builder.idleTimeout(Duration.ofMillis(Long.parseLong(value)));
                    case "--verify-signatures" -> builder.verifySignatures(SignatureKeys.parse(value));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " needs a number, got '" + value + "'");
            }
        }
        if (memoryBudget != null && !dataDirectory) {
            throw new IllegalArgumentException("option --memory-budget " + memoryBudget + " needs --data-dir DIR:"
                    + " without a data directory every record and log event stays in memory, so no budget applies");
        }
        return builder;
    }

    /** {@code --memory-budget SIZE}: bytes, or a number with k, m or g. */
    static long memoryBudget(String value) {
        try {
            return MemoryBudget.parse(value).bytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option --memory-budget needs " + MemoryBudget.SIZE_FORMS
                    + ", at least 1m; got '" + value + "'", e);
        }
    }

    /** {@code console}: function log lines on the console and in CloudWatch Logs; {@code logs}: only there. */
    static boolean functionLogsToConsole(String value) {
        return switch (value) {
            case "console" -> true;
            case "logs" -> false;
            default -> throw new IllegalArgumentException("option --function-logs takes console or logs, got '"
                    + value + "'");
        };
    }
}
