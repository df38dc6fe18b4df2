package io.github.kinesisfanout.local.firehose;

/** A subscription to the records a delivery stream takes; cancel it to stop receiving them. */
public interface RecordSubscription {

    /** Stops the deliveries; a delivery under way when it is called may still complete. */
    void cancel();
}
