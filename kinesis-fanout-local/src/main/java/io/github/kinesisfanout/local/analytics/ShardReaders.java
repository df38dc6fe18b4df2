package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.kinesis.ShardInfo;
import io.github.kinesisfanout.local.kinesis.access.ShardLineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The readers of every shard of the input stream. A shard is read once its parents are finished
 * (so a key's records stay in order across resharding); its children start when it closes. Shards
 * are spread over the in-application input streams {@code P_001..P_00N} by shard number. With an
 * InputProcessingConfiguration, every reader sends its records through the one {@link InputPreprocessor}.
 */
final class ShardReaders implements InputReaders, ShardReader.Listener {

    private final RunnerSpec spec;
    private final EngineLoop engine;
    private final InputPreprocessor preprocessor;
    private final Map<String, ShardPosition> positions = new HashMap<>();
    private final Map<String, ShardReader> readers = new HashMap<>();
    private boolean stopped;

    ShardReaders(RunnerSpec spec, EngineLoop engine) {
        this.spec = spec;
        this.engine = engine;
        this.preprocessor = preprocessor(spec);
    }

    /** The input's InputLambdaProcessor, or null when it has none. */
    private static InputPreprocessor preprocessor(RunnerSpec spec) {
        ApplicationInput input = spec.input();
        if (input.processing() == null) {
            return null;
        }
        return new InputPreprocessor(spec.lambda(), input.processing().path("InputLambdaProcessor")
                .path("ResourceARN").asText(), spec.applicationArn(), input.streamArn(),
                "JSON".equals(input.schema().path("RecordFormat").path("RecordFormatType").asText()));
    }

    /**
     * Starts reading from NOW (open shards from the current time), TRIM_HORIZON (every shard from
     * its oldest record) or LAST_STOPPED_POINT (the checkpoints; like NOW when there are none).
     */
    @Override
    public synchronized void start(String startingPosition) {
        List<ShardInfo> shards = spec.streams().listShards(spec.input().streamArn());
        if ("LAST_STOPPED_POINT".equals(startingPosition) && !spec.checkpoints().isEmpty()) {
            positions.putAll(spec.checkpoints());
        } else if (!"TRIM_HORIZON".equals(startingPosition)) {
            // NOW: iterators are taken before StartApplication returns, so every record put after
            // it is read.
            long now = spec.clock().millis();
            for (ShardInfo shard : shards) {
                positions.put(shard.shardId(), shard.isOpen() ? ShardPosition.latest(now) : ShardPosition.finished());
            }
        }
        startReady(shards);
    }

    @Override
    public synchronized void finished(String shardId) {
        positions.put(shardId, ShardPosition.finished());
        readers.remove(shardId);
        if (!stopped) {
            startReady(spec.streams().listShards(spec.input().streamArn()));
        }
    }

    /** Where each shard would resume now (readers' positions after the batches they handed over). */
    @Override
    public synchronized Map<String, ShardPosition> current() {
        Map<String, ShardPosition> now = new HashMap<>(positions);
        readers.values().forEach(reader -> now.put(reader.shardId(), reader.position().checkpoint()));
        return now;
    }

    /** Stops every reader; answers where each shard resumes. */
    @Override
    public Map<String, ShardPosition> stop() {
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

    private void startReady(List<ShardInfo> shards) {
        for (ShardInfo shard : ShardLineage.readyToRead(shards, this::begun, this::readToEnd)) {
            ShardPosition position = positions.get(shard.shardId());
            ShardReader reader = new ShardReader(spec.streams(), spec.input().streamArn(), shard.shardId(),
                    inAppStream(shard.shardId()), position == null ? ShardPosition.trimHorizon() : position,
                    engine, this, spec.applicationName(), preprocessor);
            readers.put(shard.shardId(), reader);
            reader.start();
        }
    }

    private boolean begun(String shardId) {
        return readers.containsKey(shardId) || readToEnd(shardId);
    }

    private boolean readToEnd(String shardId) {
        ShardPosition position = positions.get(shardId);
        return position != null && position.isFinished();
    }

    /** Shards are distributed evenly: shard number modulo the input parallelism. */
    private String inAppStream(String shardId) {
        List<String> names = spec.input().inAppStreamNames();
        String digits = shardId.replaceAll("\\D", "");
        long number = digits.isEmpty() ? Math.abs(shardId.hashCode()) : Long.parseLong(digits.substring(Math.max(0, digits.length() - 12)));
        return names.get((int) (number % names.size()));
    }
}
