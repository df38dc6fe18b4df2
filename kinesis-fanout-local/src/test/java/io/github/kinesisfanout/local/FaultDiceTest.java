package io.github.kinesisfanout.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The seeded draws of the fault switches. */
class FaultDiceTest {

    @Test
    void theSameSeedDrawsTheSameSequencePerSwitch() {
        assertEquals(draws(FaultDice.of(7L, "lambda")), draws(FaultDice.of(7L, "lambda")));
        assertNotEquals(draws(FaultDice.of(7L, "lambda")), draws(FaultDice.of(7L, "kinesis")));
        assertNotEquals(draws(FaultDice.of(7L, "lambda")), draws(FaultDice.of(8L, "lambda")));
    }

    @Test
    void rateZeroNeverHitsAndRateOneAlwaysDoes() {
        FaultDice dice = FaultDice.unseeded();
        for (int i = 0; i < 1000; i++) {
            assertFalse(dice.hits(0));
            assertTrue(dice.hits(1));
        }
    }

    @Test
    void aRateHitsAboutThatOften() {
        FaultDice dice = FaultDice.of(1L, "kinesis");
        int hits = 0;
        for (int i = 0; i < 100_000; i++) {
            hits += dice.hits(0.05) ? 1 : 0;
        }
        // Binomial(100000, 0.05): mean 5000, standard deviation about 69; 6 deviations either side.
        assertTrue(hits > 4586 && hits < 5414, "hits: " + hits);
    }

    private static String draws(FaultDice dice) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            text.append(dice.hits(0.5) ? '1' : '0');
        }
        return text.toString();
    }
}
