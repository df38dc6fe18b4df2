package io.github.kinesisfanout.local.lambda.esm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.kinesisfanout.local.kinesis.KinesisRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Builds the event Lambda delivers for a Kinesis batch: {@code {"Records":[{"kinesis":{...},
 * "eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-...:seq",
 * "eventName":"aws:kinesis:record","invokeIdentityArn":ROLE,"awsRegion":..,"eventSourceARN":..}]}},
 * with {@code approximateArrivalTimestamp} in epoch seconds and a millisecond fraction.
 */
final class KinesisEvents {

    private KinesisEvents() {
    }

    static byte[] event(List<KinesisRecord> records, String shardId, String streamArn, String roleArn) {
        String region = streamArn.split(":")[3];
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode items = event.putArray("Records");
        for (KinesisRecord record : records) {
            ObjectNode item = items.addObject();
            ObjectNode kinesis = item.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
            kinesis.put("approximateArrivalTimestamp",
                    BigDecimal.valueOf(record.approximateArrivalTimestamp().toEpochMilli()).movePointLeft(3));
            item.put("eventSource", "aws:kinesis");
            item.put("eventVersion", "1.0");
            item.put("eventID", shardId + ":" + record.sequenceNumber());
            item.put("eventName", "aws:kinesis:record");
            item.put("invokeIdentityArn", roleArn);
            item.put("awsRegion", region);
            item.put("eventSourceARN", streamArn);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The size a record adds to the event, to keep a batch under the 6 MB invoke payload limit. */
    static int size(KinesisRecord record) {
        return record.data().length * 4 / 3 + record.partitionKey().length() + 400;
    }
}
