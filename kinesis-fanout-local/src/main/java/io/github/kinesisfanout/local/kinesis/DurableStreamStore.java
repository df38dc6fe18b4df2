package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Keeps streams in a data directory: {@code ACCOUNT/REGION/stream-NAME/stream.json} holds a stream's
 * metadata (written atomically on every change) and {@code records/} its journal. Memory keeps each
 * record's arrival time and location in the journal, and the payloads of the most recent records up
 * to a byte budget for all streams ({@link PayloadCache}); reads of older records read them back from
 * the journal. At start the journal is replayed into that index only, so no payload is in memory.
 */
final class DurableStreamStore implements StreamStore {

    /** A segment file is closed and a new one started past this size. */
    static final long SEGMENT_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(DurableStreamStore.class.getName());

    private final Path root;
    private final long segmentBytes;
    private final InMemoryStreamStore streams = new InMemoryStreamStore();
    private final Map<Stream, StreamJournal> journals = new ConcurrentHashMap<>();
    private final PayloadCache cache;

    DurableStreamStore(Path root, long segmentBytes) {
        this(root, segmentBytes, io.github.kinesisfanout.local.MemoryBudget.DEFAULT.kinesisBytes());
    }

    /** A store keeping at most about {@code memoryBudgetBytes} of record payloads in memory. */
    DurableStreamStore(Path root, long segmentBytes, long memoryBudgetBytes) {
        this.root = root;
        this.segmentBytes = segmentBytes;
        this.cache = new PayloadCache(memoryBudgetBytes);
        load();
    }

    private Path directory(Stream stream) {
        return root.resolve(stream.accountId()).resolve(stream.region()).resolve("stream-" + stream.name());
    }

    private void load() {
        try (var files = Files.find(root, 4, (path, attributes) -> path.getFileName().toString().equals("stream.json"))) {
            for (Path file : files.sorted().toList()) {
                Map<Integer, ShardLog> logs = new HashMap<>();
                Stream stream = StreamSnapshot.read(AtomicFiles.read(file), index -> {
                    ShardLog log = new ShardLog(RecordJournal.NONE, index, cache);
                    logs.put(index, log);
                    return log;
                });
                StreamJournal journal = StreamJournal.load(file.resolveSibling("records"), segmentBytes, logs);
                logs.values().forEach(log -> log.journal(journal));
                journals.put(stream, journal);
                streams.add(stream);
                LOG.fine("loaded stream " + stream.arn() + " from " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the streams in " + root, e);
        }
    }

    @Override
    public Stream find(String accountId, String region, String name) {
        return streams.find(accountId, region, name);
    }

    @Override
    public boolean add(Stream stream) {
        if (!streams.add(stream)) {
            journals.remove(stream);
            return false;
        }
        return true;
    }

    @Override
    public void remove(Stream stream) {
        streams.remove(stream);
        StreamJournal journal = journals.remove(stream);
        if (journal != null) {
            journal.close();
        }
        AtomicFiles.deleteTree(directory(stream));
    }

    @Override
    public List<Stream> list(String accountId, String region) {
        return streams.list(accountId, region);
    }

    @Override
    public List<Stream> all() {
        return streams.all();
    }

    @Override
    public ShardLog newShardLog(Stream stream, String shardId) {
        StreamJournal journal = journals.computeIfAbsent(stream,
                key -> StreamJournal.create(directory(key).resolve("records"), segmentBytes));
        return new ShardLog(journal, Integer.parseInt(shardId.substring("shardId-".length())), cache);
    }

    @Override
    public void changed(Stream stream) {
        if (streams.find(stream.accountId(), stream.region(), stream.name()) == stream) {
            AtomicFiles.write(directory(stream).resolve("stream.json"), StreamSnapshot.write(stream));
        }
    }

    @Override
    public void trimmed(Stream stream, long cutoffMillis) {
        StreamJournal journal = journals.get(stream);
        if (journal != null) {
            journal.trimBefore(cutoffMillis);
        }
    }

    /** The payload bytes kept in memory now (tests check the budget holds). */
    long cachedBytes() {
        return cache.cachedBytes();
    }

    /** The journal of a stream (tests look at its segments). */
    StreamJournal journal(Stream stream) {
        return journals.get(stream);
    }

    @Override
    public void close() {
        journals.values().forEach(StreamJournal::close);
    }
}
