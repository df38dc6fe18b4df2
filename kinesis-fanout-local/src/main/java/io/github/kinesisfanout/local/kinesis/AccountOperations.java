package io.github.kinesisfanout.local.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.edge.RequestContext;

/** DescribeLimits and UpdateStreamMode. */
final class AccountOperations {

    /** The default quota of on-demand streams per account and region. */
    static final int ON_DEMAND_STREAM_LIMIT = 50;

    private final StreamManager streams;

    AccountOperations(StreamManager streams) {
        this.streams = streams;
    }

    JsonNode describeLimits(ObjectNode input, RequestContext ctx) {
        int openShards = 0;
        int onDemand = 0;
        for (Stream stream : streams.list(ctx)) {
            openShards += stream.openShards().size();
            if ("ON_DEMAND".equals(stream.streamMode())) {
                onDemand++;
            }
        }
        ObjectNode out = KinesisJson.object();
        out.put("ShardLimit", StreamManager.SHARD_LIMIT);
        out.put("OpenShardCount", openShards);
        out.put("OnDemandStreamCount", onDemand);
        out.put("OnDemandStreamCountLimit", ON_DEMAND_STREAM_LIMIT);
        return out;
    }

    JsonNode updateStreamMode(ObjectNode input, RequestContext ctx) {
        String arn = KinesisErrors.MEMBERS.requiredString(input, "StreamARN", "streamARN");
        JsonNode details = input.get("StreamModeDetails");
        if (details == null || !details.hasNonNull("StreamMode")) {
            throw KinesisErrors.validation(null, "streamModeDetails", "not be null");
        }
        String mode = details.get("StreamMode").asText();
        if (!mode.equals("PROVISIONED") && !mode.equals("ON_DEMAND")) {
            throw KinesisErrors.validation(mode, "streamModeDetails.streamMode",
                    "satisfy enum value set: [PROVISIONED, ON_DEMAND]");
        }
        Stream stream = streams.resolveActive(ctx, null, arn);
        if (mode.equals(stream.streamMode())) {
            throw KinesisErrors.INVALID_ARGUMENT.error("Stream " + stream.name() + " under account " + stream.accountId()
                    + " is already in " + mode + " mode.");
        }
        synchronized (stream) {
            stream.streamMode(mode);
            stream.status("UPDATING");
            streams.changed(stream);
        }
        streams.transition(stream, "ACTIVE");
        return KinesisJson.object();
    }
}
