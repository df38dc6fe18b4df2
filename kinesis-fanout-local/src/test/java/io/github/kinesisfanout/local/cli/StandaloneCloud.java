package io.github.kinesisfanout.local.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The standalone jar in its own JVM on a free port of 127.0.0.1, its console in a log file. */
final class StandaloneCloud implements AutoCloseable {

    private static final String READY = "kinesis-fanout local cloud ready at ";

    private final Process process;
    private final String endpoint;

    private StandaloneCloud(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts the jar with {@code --port 0} and waits for its ready line. */
    static StandaloneCloud start(Path jar, Path log, Duration timeout) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx512m", "-jar", jar.toString(),
                "--port", "0", "--host", "127.0.0.1", "--function-logs", "logs"))
                .redirectErrorStream(true).start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(process, log));
        try {
            String line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String endpoint = line.substring(READY.length(), line.indexOf(' ', READY.length()));
            return new StandaloneCloud(process, endpoint);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the standalone local cloud did not start within " + timeout
                    + " (console: " + log + ")", e);
        }
    }

    private static String readUntilReady(Process process, Path log) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
                if (line.startsWith(READY)) {
                    // Keep draining the console so the process never blocks on a full pipe.
                    Thread drain = new Thread(() -> drain(reader), "standalone-console");
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                }
            }
            throw new IllegalStateException("the standalone local cloud exited with " + process.waitFor());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader reader) {
        try {
            reader.transferTo(java.io.Writer.nullWriter());
        } catch (IOException e) {
            // The process ended.
        }
    }

    String endpoint() {
        return endpoint;
    }

    /** Stops the JVM (its shutdown hook closes the cloud), forcibly after 10 seconds. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
