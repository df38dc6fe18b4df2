package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.access.ShardLineage;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import io.github.kinesisfanout.local.lambda.LambdaSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One event source mapping: its settings, state and per-shard checkpoints, and while enabled one
 * {@link ShardPoller} per shard (shards added by resharding are found by a periodic refresh, start
 * once their parents are read to the end and are read from TRIM_HORIZON, as Lambda reads child
 * shards).
 */
final class EventSourceMapping {

    final String uuid;
    final String arn;
    volatile String state;
    volatile long lastModified;
    volatile String lastProcessingResult = "No records processed";
    private volatile MappingConfig config;
    private final MappingRuntime runtime;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, ShardPoller> pollers = new ConcurrentHashMap<>();
    private final Set<String> initialShards = new HashSet<>();
    private final MappingStorage storage;
    private final Object saving = new Object();
    private boolean retired;
    private ScheduledFuture<?> refresh;

    EventSourceMapping(String uuid, String arn, MappingConfig config, MappingRuntime runtime, MappingStorage storage) {
        this.uuid = uuid;
        this.arn = arn;
        this.config = config;
        this.runtime = runtime;
        this.storage = storage;
        this.lastModified = runtime.clock().millis();
    }

    /** Writes this mapping's snapshot (configuration, state, checkpoints) unless it is deleted or its cloud closed. */
    void save() {
        synchronized (saving) {
            if (!retired) {
                List<String> shards;
                synchronized (initialShards) {
                    shards = List.copyOf(initialShards);
                }
                storage.save(scope(), uuid, MappingSnapshots.snapshot(this, Map.copyOf(checkpoints), shards));
            }
        }
    }

    /** No more saves: the mapping is deleted (its snapshot too, when {@code delete}) or its cloud is closing. */
    void retire(boolean delete) {
        synchronized (saving) {
            retired = true;
            if (delete) {
                storage.delete(scope(), uuid);
            }
        }
    }

    /** The account and region of this mapping, {@code ACCOUNT/REGION}, from its ARN. */
    String scope() {
        String[] parts = arn.split(":");
        return parts[4] + "/" + parts[3];
    }

    /** Puts back the checkpoints and the shards found at first enabling, read from a snapshot. */
    void restorePositions(com.fasterxml.jackson.databind.JsonNode positions, List<String> shards) {
        positions.fields().forEachRemaining(e -> checkpoints.put(e.getKey(), e.getValue().asText()));
        synchronized (initialShards) {
            initialShards.addAll(shards);
        }
    }

    MappingConfig config() {
        return config;
    }

    void config(MappingConfig updated) {
        this.config = updated;
        this.lastModified = runtime.clock().millis();
    }

    /** Starts polling every shard: the starting iterators are taken before this returns. */
    synchronized void enable() {
        List<ShardInfo> shards = runtime.source().listShards(config.eventSourceArn());
        synchronized (initialShards) {
            if (initialShards.isEmpty()) {
                shards.forEach(shard -> initialShards.add(shard.shardId()));
            }
        }
        startShards(shards);
        long every = Math.max(1000, runtime.settings().pollInterval().toMillis() * 10);
        refresh = runtime.timers().scheduleWithFixedDelay(this::refreshShards, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops polling; checkpoints are kept, so enabling again resumes after the last processed record. */
    synchronized void disable() {
        if (refresh != null) {
            refresh.cancel(false);
            refresh = null;
        }
        pollers.values().forEach(ShardPoller::stop);
        pollers.clear();
    }

    /** A shard was read to its end: its children may start now rather than at the next refresh. */
    void shardEnded() {
        refreshShards();
    }

    /**
     * Starts the shards not polled yet whose parents are done, since Lambda reads a parent shard
     * to its end before its children so that records of one partition key stay in order.
     */
    private void startShards(List<ShardInfo> shards) {
        for (ShardInfo shard : ShardLineage.readyToRead(shards, pollers::containsKey,
                parent -> pollers.containsKey(parent) && pollers.get(parent).finished())) {
            startShard(shard.shardId());
        }
    }

    private synchronized void refreshShards() {
        try {
            startShards(runtime.source().listShards(config.eventSourceArn()));
        } catch (RuntimeException e) {
            result("PROBLEM: " + e.getMessage());
        }
    }

    private void startShard(String shardId) {
        ShardPoller existing = pollers.get(shardId);
        if (existing == null) {
            ShardPoller poller = new ShardPoller(this, shardId);
            pollers.put(shardId, poller);
            poller.start();
        }
    }

    boolean isNewShard(String shardId) {
        synchronized (initialShards) {
            return !initialShards.isEmpty() && !initialShards.contains(shardId);
        }
    }

    /** Records a shard's progress after a batch is done and writes the snapshot: one write per batch. */
    void checkpoint(String shardId, String sequenceNumber) {
        checkpoints.put(shardId, sequenceNumber);
        save();
    }

    String checkpointOf(String shardId) {
        return checkpoints.get(shardId);
    }

    void result(String result) {
        lastProcessingResult = result;
    }

    void log(String message) {
        runtime.console().println("[event-source-mapping " + uuid + "] " + message);
    }

    StreamAccess source() {
        return runtime.source();
    }

    FunctionCaller caller() {
        return runtime.caller();
    }

    ExecutorService workers() {
        return runtime.workers();
    }

    ScheduledExecutorService timers() {
        return runtime.timers();
    }

    LambdaSettings settings() {
        return runtime.settings();
    }

    /** The cloud's clock: LastModified, and the age of records against their arrival times. */
    java.time.Clock clock() {
        return runtime.clock();
    }
}
