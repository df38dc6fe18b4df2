package io.github.kinesisfanout.local.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The readers of every shard of the input stream. A shard is read once its parents are finished
 * (so a key's records stay in order across resharding); its children start when it closes. Shards
 * are spread over the in-application input streams {@code P_001..P_00N} by shard number.
 */
final class ShardReaders implements ShardReader.Listener {

    private final RunnerSpec spec;
    private final EngineLoop engine;
    private final Map<String, ShardPosition> positions = new HashMap<>();
    private final Map<String, ShardReader> readers = new HashMap<>();
    private boolean stopped;

    ShardReaders(RunnerSpec spec, EngineLoop engine) {
        this.spec = spec;
        this.engine = engine;
    }

    /**
     * Starts reading from NOW (open shards from the current time), TRIM_HORIZON (every shard from
     * its oldest record) or LAST_STOPPED_POINT (the checkpoints; like NOW when there are none).
     */
    synchronized void start(String startingPosition) {
        List<StreamAccess.Shard> shards = spec.streams().listShards(spec.input().streamArn());
        if ("LAST_STOPPED_POINT".equals(startingPosition) && !spec.checkpoints().isEmpty()) {
            positions.putAll(spec.checkpoints());
        } else if (!"TRIM_HORIZON".equals(startingPosition)) {
            // NOW: iterators are taken before StartApplication returns, so every record put after
            // it is read.
            long now = System.currentTimeMillis();
            for (StreamAccess.Shard shard : shards) {
                positions.put(shard.shardId(), shard.closed() ? ShardPosition.finished() : ShardPosition.latest(now));
            }
        }
        startReady(shards);
    }

    @Override
    public synchronized void finished(String shardId, List<String> childShards) {
        positions.put(shardId, ShardPosition.finished());
        readers.remove(shardId);
        if (!stopped) {
            startReady(spec.streams().listShards(spec.input().streamArn()));
        }
    }

    /** Where each shard would resume now (readers' positions after the batches they handed over). */
    synchronized Map<String, ShardPosition> current() {
        Map<String, ShardPosition> now = new HashMap<>(positions);
        readers.values().forEach(reader -> now.put(reader.shardId(), reader.position().checkpoint()));
        return now;
    }

    /** Stops every reader; answers where each shard resumes. */
    Map<String, ShardPosition> stop() {
        List<ShardReader> running;
        synchronized (this) {
            stopped = true;
            running = new ArrayList<>(readers.values());
        }
        running.forEach(ShardReader::stop);
        synchronized (this) {
            for (ShardReader reader : running) {
                positions.put(reader.shardId(), reader.position().checkpoint());
            }
            return new HashMap<>(positions);
        }
    }

    private void startReady(List<StreamAccess.Shard> shards) {
        Map<String, StreamAccess.Shard> known = new HashMap<>();
        shards.forEach(shard -> known.put(shard.shardId(), shard));
        for (StreamAccess.Shard shard : shards) {
            ShardPosition position = positions.get(shard.shardId());
            if (readers.containsKey(shard.shardId()) || position != null && position.isFinished()) {
                continue;
            }
            boolean parentsDone = Stream.of(shard.parentShardId(), shard.adjacentParentShardId())
                    .filter(parent -> parent != null && known.containsKey(parent))
                    .allMatch(parent -> positions.containsKey(parent) && positions.get(parent).isFinished());
            if (parentsDone) {
                ShardReader reader = new ShardReader(spec.streams(), spec.input().streamArn(), shard.shardId(),
                        inAppStream(shard.shardId()), position == null ? ShardPosition.trimHorizon() : position,
                        engine, this, spec.applicationName());
                readers.put(shard.shardId(), reader);
                reader.start();
            }
        }
    }

    /** Shards are distributed evenly: shard number modulo the input parallelism. */
    private String inAppStream(String shardId) {
        List<String> names = spec.input().inAppStreamNames();
        String digits = shardId.replaceAll("\\D", "");
        long number = digits.isEmpty() ? Math.abs(shardId.hashCode()) : Long.parseLong(digits.substring(Math.max(0, digits.length() - 12)));
        return names.get((int) (number % names.size()));
    }
}
