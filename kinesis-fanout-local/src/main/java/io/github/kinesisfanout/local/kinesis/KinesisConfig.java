package io.github.kinesisfanout.local.kinesis;

import io.github.kinesisfanout.local.FaultDice;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How the Kinesis service behaves: its clock (iterator expiry, retention, arrival times), the
 * scheduler for status transitions, the CREATING/UPDATING/DELETING delay, and the opt-in switches
 * for per-shard throughput limits and random PutRecords entry failures.
 *
 * @param clock the time source
 * @param scheduler runs delayed status transitions and retention trimming
 * @param statusTransitionDelay how long CREATING, UPDATING and DELETING last (0 = immediate)
 * @param throughputLimits whether per-shard read and write limits are enforced
 * @param putRecordsFailureRate the probability (0..1) that a PutRecords entry fails
 * @param faults the draws deciding which entries fail
 */
public record KinesisConfig(Clock clock, ScheduledExecutorService scheduler, Duration statusTransitionDelay,
        boolean throughputLimits, double putRecordsFailureRate, FaultDice faults) {

    /** A configuration whose injected failures (if any) are drawn unseeded. */
    public KinesisConfig(Clock clock, ScheduledExecutorService scheduler, Duration statusTransitionDelay,
            boolean throughputLimits, double putRecordsFailureRate) {
        this(clock, scheduler, statusTransitionDelay, throughputLimits, putRecordsFailureRate, FaultDice.unseeded());
    }
}
