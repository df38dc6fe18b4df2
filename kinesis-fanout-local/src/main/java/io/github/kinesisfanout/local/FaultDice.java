package io.github.kinesisfanout.local;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The random draws of the opt-in fault switches (PutRecords entry failures, Lambda invocation
 * failures): seeded, so a run with the same {@code faultSeed} draws the same sequence, one
 * independent sequence per switch so turning one on does not move the draws of another.
 */
public final class FaultDice {

    private final Random random;

    private FaultDice(Random random) {
        this.random = random;
    }

    /**
     * @param seed the run's fault seed; null for an unseeded (different every run) sequence
     * @param switchName which switch draws from it, e.g. {@code lambda}
     */
    public static FaultDice of(Long seed, String switchName) {
        if (seed == null) {
            return new FaultDice(new Random());
        }
        long mixed = seed;
        for (byte b : switchName.getBytes(StandardCharsets.UTF_8)) {
            mixed = mixed * 31 + b;
        }
        return new FaultDice(new Random(mixed));
    }

    /** An unseeded sequence, for callers that set no fault seed. */
    public static FaultDice unseeded() {
        return of(null, "");
    }

    /** True with probability {@code rate} (0 never draws, so a switch that is off costs nothing). */
    public boolean hits(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }

    /** A fair coin. */
    public boolean coin() {
        return random.nextBoolean();
    }
}
