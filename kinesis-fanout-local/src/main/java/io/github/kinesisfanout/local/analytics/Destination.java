package io.github.kinesisfanout.local.analytics;

import java.util.List;

/** Where an output's serialized rows go: a Kinesis stream or a Lambda function. */
interface Destination {

    /** The most records one delivery takes. */
    int maxBatch();

    /**
     * Delivers records; answers the indexes of those that failed and must be retried (empty when
     * all were delivered).
     */
    List<Integer> deliver(List<byte[]> records);
}
