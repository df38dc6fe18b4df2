package io.github.kinesisfanout.local.firehose;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.ServiceContext;
import io.github.kinesisfanout.local.edge.AwsServiceException;
import io.github.kinesisfanout.local.edge.RequestContext;
import io.github.kinesisfanout.local.kinesis.access.KinesisStreamAccess;
import io.github.kinesisfanout.local.kinesis.access.StreamAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

/**
 * The delivery streams of one local cloud, per account and region: built from their requests with
 * their buffers to S3 and their Kinesis readers, kept in the data directory and made again from it,
 * and their status transitions.
 */
final class DeliveryStreams {

    private static final System.Logger LOG = System.getLogger(FirehoseService.class.getName());
    /** The cloud's clock, scheduler, delay, data directory and services (named so as not to be taken for a call's {@code context}). */
    private final ServiceContext cloud;
    private final Map<String, Map<String, DeliveryStream>> streams = new ConcurrentHashMap<>();
    private final StreamAccess kinesis;
    private final DeliveryStreamStorage storage;

    /** The delivery streams of {@code cloud}, with those kept in its data directory made again. */
    DeliveryStreams(ServiceContext cloud) {
        this.cloud = cloud;
        this.kinesis = new KinesisStreamAccess(cloud.services()::kinesis);
        this.storage = cloud.dataDirectory().map(d -> new DeliveryStreamStorage(d.serviceDirectory("firehose")))
                .orElse(DeliveryStreamStorage.NONE);
        restore();
    }

    /** The cloud's clock. */
    Clock clock() {
        return cloud.clock();
    }

    static String scopeKey(RequestContext context) {
        return context.accountId() + "/" + context.region();
    }

    Map<String, DeliveryStream> scope(RequestContext context) {
        return streams.computeIfAbsent(scopeKey(context), k -> new ConcurrentSkipListMap<>());
    }

    DeliveryStream stream(RequestContext context, String name) {
        DeliveryStream stream = scope(context).get(name);
        if (stream == null) {
            throw FirehoseErrors.notFound(name, context.accountId());
        }
        return stream;
    }

    DeliveryStream active(RequestContext context, String name) {
        DeliveryStream stream = stream(context, name);
        if (!stream.status.equals("ACTIVE")) {
            throw FirehoseErrors.notFound(name, context.accountId());
        }
        return stream;
    }

    /** An ACTIVE delivery stream that takes puts: one reading a Kinesis stream refuses them, as AWS does. */
    DeliveryStream directPut(RequestContext context, String name) {
        DeliveryStream stream = active(context, name);
        if (stream.source != null) {
            throw FirehoseErrors.INVALID_ARGUMENT.error(
                    "This operation is not permitted on KinesisStreamAsSource delivery stream type.");
        }
        return stream;
    }

    /** A delivery stream from its request (validated here), not yet registered nor reading. */
    DeliveryStream build(RequestContext context, String name, ObjectNode request, long createdMillis,
            Instant sourceStart) {
        String type = DeliveryStreamRequests.type(request);
        KinesisStreamSource source = DeliveryStreamRequests.source(type, request, sourceStart);
        S3Destination destination = DeliveryStreamRequests.destination(request);
        S3Buffer buffer = new S3Buffer(name, "1", destination, cloud.clock(), cloud.scheduler(),
                (bucket, key, body) -> writeObject(context, bucket, key, body));
        return new DeliveryStream(name, context.accountId(), context.region(), request, source, destination,
                createdMillis, buffer);
    }

    /**
     * Pins where a KinesisStreamAsSource delivery stream reads its stream from: LATEST now for a new
     * one, its checkpoint for one made again after a restart (LATEST when none was kept); a DirectPut
     * one has nothing to read. Reading begins with {@link #beginReading}, once the journal is open.
     */
    void openSource(DeliveryStream stream, SourceCheckpoint resume) {
        KinesisStreamSource source = stream.source;
        if (source == null) {
            return;
        }
        try {
            stream.reader = KinesisSourceReader.open(kinesis, source.kinesisStreamArn(), stream.buffer,
                    checkpoint -> storage.saveCheckpoint(stream.accountId, stream.region, stream.name, checkpoint),
                    stream.name, resume);
        } catch (AwsServiceException e) {
            throw FirehoseErrors.INVALID_ARGUMENT.error(KinesisStreamSource.MEMBER + ".KinesisStreamARN "
                    + source.kinesisStreamArn() + " cannot be read: " + e.errorCode() + ": " + e.getMessage());
        }
    }

    /** Keeps the source's first checkpoint and starts reading (a DirectPut delivery stream has no reader). */
    void beginReading(DeliveryStream stream) {
        KinesisSourceReader reader = stream.reader;
        if (reader != null) {
            reader.start();
        }
    }

    /** Opens the journal of the records {@code stream} buffers, replaying those it kept. */
    void openJournal(DeliveryStream stream) {
        stream.buffer.openJournal(replay -> storage.journal(stream.accountId, stream.region, stream.name, replay));
    }

    /**
     * Makes again the delivery streams kept in the data directory: with their configuration, tags and
     * buffered records; CREATING ones become ACTIVE after the transition delay. A KinesisStreamAsSource
     * one reads its stream on from its checkpoint.
     */
    private void restore() {
        for (ObjectNode kept : storage.loadAll()) {
            String name = kept.path("name").asText();
            RequestContext context = new RequestContext(UUID.randomUUID().toString(), kept.path("accountId").asText(),
                    kept.path("region").asText());
            try {
                DeliveryStream stream = build(context, name, (ObjectNode) kept.get("request"),
                        kept.path("createdMillis").asLong(), Instant.ofEpochMilli(kept.path("deliveryStartMillis")
                                .asLong(cloud.clock().millis())));
                kept.path("tags").fields().forEachRemaining(tag -> stream.tags.put(tag.getKey(), tag.getValue().asText()));
                stream.status = kept.path("status").asText("CREATING");
                scope(context).put(name, stream);
                openJournal(stream);
                if (!"ACTIVE".equals(stream.status)) {
                    settle(() -> {
                        stream.status = "ACTIVE";
                        save(stream);
                    });
                }
                resumeReading(stream);
            } catch (AwsServiceException e) {
                LOG.log(System.Logger.Level.WARNING, "delivery stream " + name + " kept in the data directory"
                        + " cannot be made again, skipped: " + e.getMessage());
            }
        }
    }

    /**
     * Starts reading the source of a restored delivery stream from its checkpoint; while its stream
     * cannot be read, tries every second.
     */
    private void resumeReading(DeliveryStream stream) {
        if ("DELETING".equals(stream.status) || stream.reader != null || stream.source == null) {
            return;
        }
        try {
            openSource(stream, storage.checkpoint(stream.accountId, stream.region, stream.name));
            beginReading(stream);
        } catch (AwsServiceException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery stream " + stream.name + ": " + e.getMessage() + "; retrying");
            cloud.scheduler().schedule(() -> resumeReading(stream), 1, TimeUnit.SECONDS);
        }
    }

    void save(DeliveryStream stream) {
        synchronized (stream) {
            if (!"DELETING".equals(stream.status)) {
                storage.save(stream.accountId, stream.region, stream.name, stream.snapshot());
            }
        }
    }

    /** Forgets a deleted delivery stream's kept configuration and records. */
    void forget(DeliveryStream stream) {
        storage.delete(stream.accountId, stream.region, stream.name);
    }

    private void writeObject(RequestContext context, String bucket, String key, byte[] body) {
        ObjectNode put = JsonNodeFactory.instance.objectNode().put("Bucket", bucket).put("Key", key)
                .put("Body", body).put("ContentType", "application/octet-stream");
        cloud.services().service("s3").invoke("PutObject", put, context);
    }

    void settle(Runnable change) {
        long delay = cloud.statusTransitionDelay().toMillis();
        if (delay == 0) {
            change.run();
        } else {
            cloud.scheduler().schedule(change, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops reading sources and writes every buffer to S3. */
    void close() {
        streams.values().forEach(scope -> scope.values().forEach(DeliveryStream::shutDown));
    }
}
