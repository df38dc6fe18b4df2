package io.github.kinesisfanout.local.storage;

import io.github.kinesisfanout.local.MemoryBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * The data directory of one local cloud: a {@code FORMAT} file naming the on-disk format version, a
 * {@code LOCK} file held while the cloud runs (a second cloud on the same directory refuses to start),
 * and one sub-directory per service; and the memory budget of the data its services keep in memory
 * before they read it back from here.
 */
public final class DataDirectory implements AutoCloseable {

    /** The on-disk format this code reads and writes. */
    public static final int FORMAT_VERSION = 1;
    static final String FORMAT_FILE = "FORMAT";
    static final String LOCK_FILE = "LOCK";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DataDirectory.class.getName());

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final MemoryBudget memoryBudget;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock, MemoryBudget memoryBudget) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.memoryBudget = memoryBudget;
    }

    /** Creates or opens a data directory with the default memory budget, checks its format version and locks it. */
    public static DataDirectory open(Path directory) {
        return open(directory, MemoryBudget.DEFAULT);
    }

    /**
     * Creates or opens a data directory whose services keep at most about {@code memoryBudget} of data in
     * memory, checks its format version and locks it. A budget above the JVM's maximum heap is logged.
     */
    public static DataDirectory open(Path directory, MemoryBudget memoryBudget) {
        java.util.Objects.requireNonNull(memoryBudget, "memoryBudget");
        Path root = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot create data directory " + root + ": " + e, e);
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DataDirectoryException("cannot open lock file " + root.resolve(LOCK_FILE) + ": " + e, e);
        }
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new DataDirectoryException("data directory " + root + " is in use by another local cloud (it holds "
                    + root.resolve(LOCK_FILE) + "); stop that one or choose another data directory");
        }
        try {
            checkFormat(root);
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode("pid " + ProcessHandle.current().pid() + "\n"), 0);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            if (e instanceof DataDirectoryException refused) {
                throw refused;
            }
            throw new DataDirectoryException("cannot prepare data directory " + root + ": " + e, e);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && memoryBudget.bytes() > heap) {
            LOG.warning("the memory budget, " + memoryBudget + ", is more than this JVM's maximum heap (" + heap
                    + " bytes): the heap runs out before data leaves memory; lower the memory budget or raise -Xmx");
        }
        return new DataDirectory(root, channel, lock, memoryBudget);
    }

    private static void checkFormat(Path root) throws IOException {
        Path format = root.resolve(FORMAT_FILE);
        if (!Files.exists(format)) {
            try (Stream<Path> entries = Files.list(root)) {
                if (entries.anyMatch(entry -> !entry.getFileName().toString().equals(LOCK_FILE))) {
                    throw new DataDirectoryException("directory " + root + " is not empty and has no " + FORMAT_FILE
                            + " file, so it is not a local cloud data directory; choose an empty or new directory");
                }
            }
            AtomicFiles.write(format, (FORMAT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        String text = Files.readString(format, StandardCharsets.UTF_8).trim();
        int version;
        try {
            version = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new DataDirectoryException("data directory " + root + " has an unreadable format version '" + text
                    + "' in " + format + "; this local cloud reads format version " + FORMAT_VERSION);
        }
        if (version != FORMAT_VERSION) {
            throw new DataDirectoryException("data directory " + root + " has format version " + version
                    + (version > FORMAT_VERSION ? ", written by a newer local cloud" : "")
                    + "; this local cloud reads format version " + FORMAT_VERSION
                    + " only: use the matching version or another data directory");
        }
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /** How much data the services keep in memory, each its share. */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** The directory of one service (created when missing), e.g. {@code kinesis}. */
    public Path serviceDirectory(String service) {
        Path directory = root.resolve(service);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return directory;
    }

    /** Releases the lock; the files stay for the next start. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The channel close below releases it too.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
