package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs each Kinesis record with every field of the event; records whose data contains
 * {@code poison} fail the batch, {@code fail-once} fail the batch the first time they are seen,
 * {@code item-fail} are reported as batch item failures the first time they are seen.
 */
public class KinesisHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        context.getLogger().log("batch of " + event.getRecords().size());
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            KinesisEvent.Record kinesis = record.getKinesis();
            String data = StandardCharsets.UTF_8.decode(kinesis.getData()).toString();
            boolean firstTime = SEEN.add(kinesis.getSequenceNumber());
            if (data.contains("poison") || (data.contains("fail-once") && firstTime)) {
                context.getLogger().log("failing on " + data);
                throw new IllegalStateException("cannot process " + data);
            }
            if (data.contains("item-fail") && firstTime) {
                context.getLogger().log("reporting item failure " + data);
                failures.add(new StreamsEventResponse.BatchItemFailure(kinesis.getSequenceNumber()));
                continue;
            }
            System.out.println("record data=" + data + " key=" + kinesis.getPartitionKey()
                    + " seq=" + kinesis.getSequenceNumber() + " id=" + record.getEventID()
                    + " source=" + record.getEventSource() + " version=" + record.getEventVersion()
                    + " name=" + record.getEventName() + " arn=" + record.getEventSourceARN()
                    + " region=" + record.getAwsRegion() + " role=" + record.getInvokeIdentityArn()
                    + " schema=" + kinesis.getKinesisSchemaVersion()
                    + " arrival=" + kinesis.getApproximateArrivalTimestamp().getTime());
        }
        return new StreamsEventResponse(failures);
    }
}
