package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.RequestContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The stream lifecycle: creation with evenly split shards, deletion, status transitions after the
 * configured delay (on the scheduler, never in a request thread), lookup by name or ARN, and
 * retention trimming.
 */
final class StreamManager {

    /** The default shard quota of an account in a region (LimitExceededException beyond it). */
    static final int SHARD_LIMIT = 500;

    private final StreamStore store;
    private final ServiceContext context;

    StreamManager(StreamStore store, ServiceContext context) {
        this.store = store;
        this.context = context;
    }

    /** Finishes the transitions a restart interrupted: CREATING and UPDATING become ACTIVE, DELETING ends. */
    void resumeTransitions() {
        for (Stream stream : store.all()) {
            String status = stream.status();
            if ("CREATING".equals(status) || "UPDATING".equals(status)) {
                transition(stream, "ACTIVE");
            } else if ("DELETING".equals(status)) {
                delete(stream);
            }
        }
    }

    /** Keeps a stream's metadata after a change (with a data directory, on disk before the answer). */
    void changed(Stream stream) {
        synchronized (stream) {
            store.changed(stream);
        }
    }

    /** Adds shards made by a reshard: kept with their lineage before any write can reach them. */
    void addShards(Stream stream, List<Shard> added) {
        synchronized (stream) {
            stream.appendShards(added);
            store.changed(stream);
            stream.refreshOpenShards();
        }
    }

    long now() {
        return context.clock().millis();
    }

    /** Creates a stream; it becomes ACTIVE after the transition delay. */
    Stream create(RequestContext ctx, String name, int shardCount, String mode) {
        synchronized (this) {
            int existing = 0;
            for (Stream stream : store.list(ctx.accountId(), ctx.region())) {
                existing += stream.openShards().size();
            }
            if (existing + shardCount > SHARD_LIMIT) {
                throw KinesisErrors.LIMIT_EXCEEDED.error("This request would exceed the shard limit for the account "
                        + ctx.accountId() + " in " + ctx.region() + ". Current shard count for the account: "
                        + existing + ". Limit: " + SHARD_LIMIT
                        + ". Number of additional shards that would have resulted from this request: " + shardCount
                        + ". Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/"
                        + "aws_service_limits.html) for current limits and how to request higher limits.");
            }
            Stream stream = new Stream(ctx.accountId(), ctx.region(), name, mode, now());
            List<Shard> shards = new ArrayList<>();
            for (int i = 0; i < shardCount; i++) {
                shards.add(newShard(stream, HashKeys.start(i, shardCount), HashKeys.end(i, shardCount), null, null));
            }
            stream.addShards(shards);
            if (!store.add(stream)) {
                throw KinesisErrors.streamExists(name, ctx.accountId());
            }
            changed(stream);
            transition(stream, "ACTIVE");
            return stream;
        }
    }

    Shard newShard(Stream stream, BigInteger start, BigInteger end, String parent, String adjacentParent) {
        int index = stream.takeShardIndex();
        return new Shard(index, start, end, parent, adjacentParent, now(),
                store.newShardLog(stream, Shard.shardId(index)));
    }

    /** Marks a stream DELETING and removes it after the transition delay. */
    void delete(Stream stream) {
        stream.status("DELETING");
        changed(stream);
        after(() -> {
            // Closed first, so no append reaches the journal while the store removes it.
            stream.shards().forEach(shard -> shard.close(now()));
            store.remove(stream);
        });
    }

    /** Sets a status now and {@code target} after the transition delay (or right away when it is 0). */
    void transition(Stream stream, String target) {
        after(() -> {
            synchronized (stream) {
                if (!"DELETING".equals(stream.status())) {
                    stream.status(target);
                    store.changed(stream);
                }
            }
        });
    }

    private void after(Runnable action) {
        long delay = context.statusTransitionDelay().toMillis();
        if (delay <= 0) {
            action.run();
        } else {
            context.scheduler().schedule(action, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** The stream named by StreamName or StreamARN, in any status; ResourceNotFoundException if none. */
    Stream resolve(RequestContext ctx, String name, String arn) {
        String accountId = ctx.accountId();
        String region = ctx.region();
        if (name == null && arn != null) {
            // arn:aws:kinesis:REGION:ACCOUNT:stream/NAME; the ARN's account and region win.
            String[] parts = arn.split(":", 6);
            if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("kinesis")
                    || !parts[5].startsWith("stream/")) {
                throw KinesisErrors.validation(arn, "streamARN",
                        "satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+");
            }
            region = parts[3];
            accountId = parts[4];
            name = parts[5].substring("stream/".length());
        }
        if (name == null) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Either StreamName or StreamARN should be provided.");
        }
        Names.streamName(name, "streamName");
        Stream stream = store.find(accountId, region, name);
        if (stream == null) {
            throw KinesisErrors.streamNotFound(name, accountId);
        }
        return stream;
    }

    /** A stream for reading and writing records: ACTIVE or UPDATING. */
    Stream resolveForData(RequestContext ctx, String name, String arn) {
        Stream stream = resolve(ctx, name, arn);
        String status = stream.status();
        if (!"ACTIVE".equals(status) && !"UPDATING".equals(status)) {
            throw KinesisErrors.streamNotFound(stream.name(), stream.accountId());
        }
        return stream;
    }

    /** A stream for a control-plane change: must be ACTIVE. */
    Stream resolveActive(RequestContext ctx, String name, String arn) {
        Stream stream = resolve(ctx, name, arn);
        if (!"ACTIVE".equals(stream.status())) {
            throw KinesisErrors.streamNotActive(stream);
        }
        return stream;
    }

    List<Stream> list(RequestContext ctx) {
        return store.list(ctx.accountId(), ctx.region());
    }

    /** Trims every shard of every stream to its retention period. */
    void trimAll() {
        long now = now();
        for (Stream stream : store.all()) {
            trim(stream, now);
        }
    }

    void trim(Stream stream, long now) {
        for (Shard shard : stream.shards()) {
            trim(stream, shard, now);
        }
        store.trimmed(stream, now - stream.retentionPeriodHours() * 3_600_000L);
    }

    /** Releases the store's files and handles. */
    void close() {
        store.close();
    }

    /** Drops a shard's records older than its stream's retention period. */
    void trim(Stream stream, Shard shard, long now) {
        shard.log().trimBefore(now - stream.retentionPeriodHours() * 3_600_000L);
    }
}
