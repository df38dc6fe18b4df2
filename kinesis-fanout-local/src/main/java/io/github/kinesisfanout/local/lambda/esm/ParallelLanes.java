package io.github.kinesisfanout.local.lambda.esm;

import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * ParallelizationFactor above 1: a shard's batch is split into lanes by partition key hash and the
 * lanes are delivered concurrently, each in order (so records of one partition key stay in order,
 * as Lambda promises); the shard moves on when every lane is done.
 */
final class ParallelLanes {

    private ParallelLanes() {
    }

    /** Delivers the batch; returns false when stopped before every lane finished. */
    static boolean deliver(EventSourceMapping mapping, String shardId, List<KinesisRecord> batch, MappingConfig config,
            BooleanSupplier stopped) {
        Map<Integer, List<KinesisRecord>> lanes = new LinkedHashMap<>();
        for (KinesisRecord record : batch) {
            int lane = Math.floorMod(record.partitionKey().hashCode(), config.parallelizationFactor());
            lanes.computeIfAbsent(lane, k -> new ArrayList<>()).add(record);
        }
        List<CompletableFuture<Boolean>> running = new ArrayList<>();
        for (List<KinesisRecord> records : lanes.values()) {
            running.add(CompletableFuture.supplyAsync(() -> runLane(mapping, shardId, records, stopped), mapping.workers()));
        }
        return running.stream().map(CompletableFuture::join).reduce(true, Boolean::logicalAnd);
    }

    private static boolean runLane(EventSourceMapping mapping, String shardId, List<KinesisRecord> records,
            BooleanSupplier stopped) {
        BatchDelivery lane = new BatchDelivery(mapping, shardId, sequence -> { });
        lane.add(records);
        while (!lane.isEmpty()) {
            if (stopped.getAsBoolean()) {
                return false;
            }
            long delay = lane.step(mapping.config());
            if (delay > 0) {
                try {
                    // The lane's own worker thread waits out the retry backoff.
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }
}
