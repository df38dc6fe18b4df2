package io.github.kinesisfanout.sample;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import java.nio.ByteBuffer;

/**
 * A Kinesis consumer that decodes each transaction of a batch and logs it, one line per record.
 *
 * <p>A record that cannot be decoded is logged and skipped rather than failed: Lambda retries a
 * failed Kinesis batch until the records expire and blocks the shard meanwhile, and a malformed
 * record would fail the same way on every retry.
 */
public abstract class TransactionLogHandler implements RequestHandler<KinesisEvent, Void> {

    private final String streamName;
    private final TransactionDecoder decoder = new TransactionDecoder();
    private final TransactionFormatter formatter;

    /** @param streamName the in-application stream whose output this function consumes */
    protected TransactionLogHandler(String streamName) {
        this.streamName = streamName;
        this.formatter = new TransactionFormatter(streamName);
    }

    @Override
    public Void handleRequest(KinesisEvent event, Context context) {
        LambdaLogger logger = context.getLogger();
        if (event == null || event.getRecords() == null) {
            return null;
        }
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            byte[] data = bytes(record.getKinesis().getData());
            try {
                logger.log(formatter.format(decoder.decode(data)));
            } catch (MalformedTransactionException e) {
                logger.log("Skipped record " + record.getEventID() + " of " + streamName + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static byte[] bytes(ByteBuffer data) {
        ByteBuffer copy = data.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
