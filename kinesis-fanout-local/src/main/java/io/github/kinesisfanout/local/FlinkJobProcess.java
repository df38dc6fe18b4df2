package io.github.kinesisfanout.local;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Flink job running on a MiniCluster in a forked JVM: started from a {@link FlinkJobSpec}, watched
 * through the status lines the job prints to its log, stopped (or stopped with a savepoint) through a
 * control file, and never left running after this JVM exits.
 */
public final class FlinkJobProcess implements AutoCloseable {

    /** The status line prefixes the job prints (kinesis-fanout-flink's StatusLines). */
    static final String RUNNING = "KINESIS-FANOUT JOB RUNNING ";
    static final String FAILED = "KINESIS-FANOUT JOB FAILED ";
    static final String FINISHED = "KINESIS-FANOUT JOB FINISHED";
    static final String SAVEPOINT = "KINESIS-FANOUT JOB SAVEPOINT ";
    static final String SAVEPOINT_FAILED = "KINESIS-FANOUT JOB SAVEPOINT-FAILED ";
    static final String STOPPED = "KINESIS-FANOUT JOB STOPPED";

    /** The JVM flags Flink needs on Java 17 (those of flink-conf.yaml's env.java.opts.all). */
    public static final List<String> JAVA_17_FLAGS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    /** The default heap of the forked JVM (a JVM arg {@code -Xmx...} in the spec replaces it). */
    public static final String DEFAULT_HEAP = "-Xmx640m";

    private final Process process;
    private final Path logFile;
    private final Path controlFile;
    private final Thread shutdownHook;
    private final StringBuilder pending = new StringBuilder();
    private long logOffset;
    private String jobId;
    private String failure;
    private boolean finished;
    private boolean stopped;
    private String savepoint;
    private String savepointFailure;

    private FlinkJobProcess(Process process, Path logFile, Path controlFile) {
        this.process = process;
        this.logFile = logFile;
        this.controlFile = controlFile;
        this.shutdownHook = new Thread(process::destroyForcibly, "kinesis-fanout-flink-job-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Forks {@code java -cp <flink classpath>:<job jar> <main> --properties <file>}, output to the log file. */
    public static FlinkJobProcess start(FlinkJobSpec spec) {
        Path logFile = spec.logFile().toAbsolutePath();
        Path controlFile = logFile.resolveSibling(logFile.getFileName() + ".control");
        try {
            Files.createDirectories(logFile.getParent());
            Files.deleteIfExists(controlFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(temporaryDirectory(logFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = command(spec, controlFile);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        try {
            return new FlinkJobProcess(builder.start(), logFile, controlFile);
        } catch (IOException e) {
            throw new FlinkJobException("cannot start " + command.get(0) + ": " + e.getMessage(), logFile);
        }
    }

    /** The command line of the forked JVM. */
    static List<String> command(FlinkJobSpec spec, Path controlFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (spec.jvmArgs().stream().noneMatch(arg -> arg.startsWith("-Xmx"))) {
            command.add(DEFAULT_HEAP);
        }
        if (spec.jvmArgs().stream().noneMatch(arg -> arg.startsWith("-Djava.io.tmpdir="))) {
            // Flink unpacks its RPC jar and MiniCluster files there; a job ended forcibly cannot remove them, so
            // they go beside the log, and the directory goes when the job stops.
            command.add("-Djava.io.tmpdir=" + temporaryDirectory(spec.logFile().toAbsolutePath()));
        }
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.addAll(JAVA_17_FLAGS);
        command.addAll(spec.jvmArgs());
        List<Path> classpath = new ArrayList<>(spec.flinkClasspath());
        classpath.add(spec.jobJar());
        command.add("-cp");
        command.add(classpath.stream().map(path -> path.toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(spec.mainClass() != null ? spec.mainClass() : mainClassOf(spec.jobJar()));
        if (spec.propertiesFile() != null) {
            command.add("--properties");
            command.add(spec.propertiesFile().toAbsolutePath().toString());
        }
        if (spec.savepointToRestore() != null) {
            command.add("--savepoint");
            command.add(spec.savepointToRestore());
        }
        command.add("--control-file");
        command.add(controlFile.toString());
        return command;
    }

    private static String mainClassOf(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalArgumentException(jar + " has no Main-Class in its manifest: set FlinkJobSpec.mainClass");
            }
            return main;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the job jar " + jar + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the job prints that it is RUNNING (or FINISHED); throws {@link FlinkJobException}
     * with the job's root cause when it fails, dies or is not running by the deadline.
     */
    public FlinkJobProcess awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean alive = process.isAlive();
            readLog();
            if (failure != null) {
                stop(Duration.ofSeconds(10));
                throw new FlinkJobException(failure, logFile);
            }
            if (jobId != null || finished) {
                return this;
            }
            if (!alive) {
                readLog();
                if (jobId == null && failure == null) {
                    throw new FlinkJobException("the job's JVM exited with code " + process.exitValue()
                            + " before the job ran: " + lastLines(5), logFile);
                }
                continue;
            }
            if (System.nanoTime() > deadline) {
                stop(Duration.ofSeconds(10));
                throw new FlinkJobException("the job was not RUNNING after " + timeout.toSeconds() + " s", logFile);
            }
            pause();
        }
    }

    /** The job's id once it is RUNNING, else null. */
    public String jobId() {
        readLog();
        return jobId;
    }

    /** Whether the forked JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The one-line root cause the job printed when it failed, if it did. */
    public Optional<String> failure() {
        readLog();
        return Optional.ofNullable(failure);
    }

    /** Whether a bounded job printed that it finished. */
    public boolean isFinished() {
        readLog();
        return finished;
    }

    /** The forked JVM's temporary directory: {@code <log file>.tmp}, beside the log. */
    public static Path temporaryDirectory(Path logFile) {
        return logFile.resolveSibling(logFile.getFileName() + ".tmp");
    }

    /** The file holding the forked JVM's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /** The forked JVM's process id. */
    public long pid() {
        return process.pid();
    }

    /** Cancels the job, then ends the JVM (forcibly past the timeout); never leaves it running. */
    public void stop(Duration timeout) {
        try {
            if (process.isAlive()) {
                command("cancel");
                if (!waitForExit(timeout.dividedBy(2))) {
                    process.destroy();
                    if (!waitForExit(timeout.dividedBy(2))) {
                        process.destroyForcibly();
                        waitForExit(Duration.ofSeconds(10));
                    }
                }
            }
        } finally {
            removeShutdownHook();
            if (!process.isAlive()) {
                deleteTemporaryDirectory();
            }
        }
    }

    private void deleteTemporaryDirectory() {
        Path directory = temporaryDirectory(logFile);
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            java.util.logging.Logger.getLogger(FlinkJobProcess.class.getName()).warning("cannot remove the Flink job's "
                    + "temporary directory " + directory + ": " + e);
        }
    }

    /**
     * Stops the job with a savepoint in {@code directory} and returns its path (empty when the job was
     * not running or the savepoint failed; the JVM is ended either way).
     */
    public Optional<String> stopWithSavepoint(Path directory, Duration timeout) {
        if (!process.isAlive()) {
            stop(Duration.ZERO);
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        command("savepoint " + directory.toAbsolutePath());
        while (System.nanoTime() < deadline && process.isAlive()) {
            readLog();
            if (savepoint != null || savepointFailure != null) {
                break;
            }
            pause();
        }
        readLog();
        String path = savepoint;
        stop(Duration.ofSeconds(Math.max(10, (deadline - System.nanoTime()) / 1_000_000_000L)));
        readLog();
        return Optional.ofNullable(path != null ? path : savepoint);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    private void command(String text) {
        try {
            Path temporary = controlFile.resolveSibling(controlFile.getFileName() + ".tmp");
            Files.writeString(temporary, text + "\n");
            Files.move(temporary, controlFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job's control file " + controlFile, e);
        }
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run: nothing to remove.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Flink job", e);
        }
    }

    /** Reads what the log gained since the last call and notes the status lines in it. */
    private synchronized void readLog() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long length = file.length();
            if (length <= logOffset) {
                return;
            }
            byte[] bytes = new byte[(int) Math.min(length - logOffset, 1 << 20)];
            file.seek(logOffset);
            file.readFully(bytes);
            logOffset += bytes.length;
            pending.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            note(pending.substring(0, newline).trim());
            pending.delete(0, newline + 1);
        }
    }

    private void note(String line) {
        if (line.startsWith(RUNNING)) {
            jobId = line.substring(RUNNING.length()).trim();
        } else if (line.startsWith(FAILED)) {
            failure = line.substring(FAILED.length()).trim();
        } else if (line.startsWith(FINISHED)) {
            finished = true;
        } else if (line.startsWith(SAVEPOINT_FAILED)) {
            savepointFailure = line.substring(SAVEPOINT_FAILED.length()).trim();
        } else if (line.startsWith(SAVEPOINT)) {
            savepoint = line.substring(SAVEPOINT.length()).trim();
        } else if (line.startsWith(STOPPED)) {
            stopped = true;
        }
    }

    /** Whether the job printed that it stopped on request. */
    public boolean isStopped() {
        readLog();
        return stopped;
    }

    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
