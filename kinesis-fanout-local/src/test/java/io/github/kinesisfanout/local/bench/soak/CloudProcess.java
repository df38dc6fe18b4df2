package io.github.kinesisfanout.local.bench.soak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The standalone local cloud as a child process on a fixed port and data directory: started,
 * killed with SIGKILL, started again on the same port and directory; its heap and resident size
 * sampled with {@code jcmd} and {@code /proc}.
 */
final class CloudProcess implements AutoCloseable {

    private final List<String> command;
    private final Path workDir;
    private final int port;
    private Process process;
    private int generation;

    /**
     * @param cloudArgs the options after {@code --port} and {@code --data-dir}
     */
    CloudProcess(Path jar, String heap, int port, Path dataDir, Path workDir, List<String> cloudArgs) {
        this.port = port > 0 ? port : freePort();
        this.workDir = workDir;
        this.command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "--port", Integer.toString(this.port),
                "--data-dir", dataDir.toString()));
        this.command.addAll(cloudArgs);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** Starts the cloud and returns once it printed its ready line; its console goes to cloud-N.log. */
    void start() throws IOException, InterruptedException {
        generation++;
        Path log = workDir.resolve("cloud-" + generation + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains("kinesis-fanout local cloud ready at ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the local cloud exited with " + process.exitValue() + ": " + text);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the local cloud printed no ready line within 120 s; see " + log);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed but what the cloud already wrote. */
    void killNine() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the local cloud did not die within 30 s of SIGKILL");
        }
    }

    /**
     * The cloud's heap after a full collection (the live set) and its resident set size.
     *
     * @param collectFirst run a full GC before reading the heap, so the figure is what is retained
     */
    Memory memory(boolean collectFirst) throws IOException, InterruptedException {
        if (collectFirst) {
            jcmd("GC.run");
        }
        long heapUsedKb = -1;
        long heapTotalKb = -1;
        for (String line : jcmd("GC.heap_info").split("\n")) {
            // " garbage-first heap   total 262144K, used 45012K [0x..."
            if (line.contains(" total ") && line.contains(" used ") && line.contains("heap")) {
                heapTotalKb = kb(line, " total ");
                heapUsedKb = kb(line, " used ");
                break;
            }
        }
        long rssKb = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return new Memory(heapUsedKb, heapTotalKb, rssKb);
    }

    private static long kb(String line, String label) {
        int from = line.indexOf(label) + label.length();
        int to = line.indexOf('K', from);
        return Long.parseLong(line.substring(from, to).trim());
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    /** Stops the cloud cleanly (SIGTERM runs its shutdown hook), or kills it after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** Heap used and committed after the sampling, and resident set size, in KiB (-1 when unknown). */
    record Memory(long heapUsedKb, long heapTotalKb, long rssKb) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "heap %d MiB used of %d MiB, RSS %d MiB", heapUsedKb / 1024,
                    heapTotalKb / 1024, rssKb / 1024);
        }
    }
}
