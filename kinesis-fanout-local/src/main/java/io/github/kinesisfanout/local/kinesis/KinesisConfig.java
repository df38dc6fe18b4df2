package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.FaultDice;

/**
 * The Kinesis service's own opt-in switches: per-shard throughput limits and random PutRecords
 * entry failures. Its clock, scheduler and status-transition delay come from the
 * {@link io.github.kinesisfanout.local.ServiceContext} like every service's.
 *
 * @param throughputLimits whether per-shard read and write limits are enforced
 * @param putRecordsFailureRate the probability (0..1) that a PutRecords entry fails
 * @param faults the draws deciding which entries fail
 */
public record KinesisConfig(boolean throughputLimits, double putRecordsFailureRate, FaultDice faults) {

    /** A configuration whose injected failures (if any) are drawn unseeded. */
    public KinesisConfig(boolean throughputLimits, double putRecordsFailureRate) {
        this(throughputLimits, putRecordsFailureRate, FaultDice.unseeded());
    }

    /** AWS's behaviour: no throughput limits, no injected failures. */
    public static KinesisConfig defaults() {
        return new KinesisConfig(false, 0);
    }
}
