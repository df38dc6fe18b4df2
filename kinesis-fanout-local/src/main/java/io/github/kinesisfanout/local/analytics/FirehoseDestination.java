package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.local.edge.AwsServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * A KinesisFirehoseOutput: the rows go to the delivery stream in batches of up to 500 (PutRecordBatch's
 * limit), one record per row as serialized by the DestinationSchema. A refused batch (the delivery
 * stream is missing, not ACTIVE or not DirectPut) is retried whole by the {@link OutputWriter}.
 */
final class FirehoseDestination implements Destination {

    private static final System.Logger LOG = System.getLogger(FirehoseDestination.class.getName());

    private final DeliveryStreamLink firehose;
    private final String deliveryStreamArn;
    private String lastProblem;

    FirehoseDestination(DeliveryStreamLink firehose, String deliveryStreamArn) {
        this.firehose = firehose;
        this.deliveryStreamArn = deliveryStreamArn;
    }

    @Override
    public int maxBatch() {
        return 500;
    }

    @Override
    public List<Integer> deliver(List<byte[]> records) {
        try {
            firehose.put(deliveryStreamArn, records);
            lastProblem = null;
            return List.of();
        } catch (AwsServiceException e) {
            String problem = e.errorCode() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.log(System.Logger.Level.WARNING, "delivery stream " + deliveryStreamArn
                        + " refused rows, retrying: " + problem);
                lastProblem = problem;
            }
            List<Integer> all = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                all.add(i);
            }
            return all;
        }
    }
}
