package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A join of two streams with equality conjuncts is answered by a hash index of each side's held rows: with many
 * rows per window it gives the same rows, in the same order, as the same condition written so that no index can
 * serve it ({@code (...) OR 1 = 0}, tried against every held row), keys across types (INTEGER with DECIMAL, CHAR
 * with VARCHAR), NULL keys and unmatched rows of an outer join included.
 */
class StreamJoinIndexTest {

    private static final String STREAMS = "CREATE STREAM L (K INTEGER, S CHAR(4), V INTEGER);\n"
            + "CREATE STREAM R (K DECIMAL(5,1), S VARCHAR(4), W INTEGER);\n"
            + "CREATE STREAM OUT1 (LK INTEGER, LS CHAR(4), V INTEGER, RK DECIMAL(5,1), RS VARCHAR(4), W INTEGER);\n";

    private static String join(String on) {
        return STREAMS + "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM a.K, a.S, a.V, b.K, b.S, b.W\n"
                + "  FROM L OVER (RANGE INTERVAL '10' SECOND PRECEDING) AS a\n"
                + "  LEFT JOIN R OVER (RANGE INTERVAL '10' SECOND PRECEDING) AS b ON " + on + ";";
    }

    /** 4,000 rows, alternately of L and R, 10 ms apart: about 1,000 rows of each side in a window. */
    private static List<String> run(String code) {
        RunningApplication app = SqlEngine.compile(code, List.of(SqlCase.transactions())).start();
        List<String> out = new ArrayList<>();
        app.subscribe("OUT1", r -> out.add(Arrays.toString(r.values()) + " @" + r.rowtimeMillis()));
        app.subscribe("error_stream", r -> out.add("error " + Arrays.toString(r.values())));
        Random random = new Random(11);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 4000; i++, t += 10) {
            Integer k = i % 53 == 0 ? null : random.nextInt(12);
            String s = random.nextBoolean() ? "a" : "b";
            int v = random.nextInt(100);
            if (i % 2 == 0) {
                app.pushRow("L", new Object[] {k, (s + "   ").substring(0, 4), v}, t);
            } else {
                app.pushRow("R", new Object[] {k == null ? null : new BigDecimal(k + ".0"), s, v}, t);
            }
        }
        app.advanceTime(t + 60_000);
        return out;
    }

    @Test
    void theIndexGivesTheRowsOfAScanOfTheWindow() {
        List<String> indexed = run(join("a.K = b.K AND a.S = b.S AND a.V < b.W"));
        List<String> scanned = run(join("(a.K = b.K AND a.S = b.S AND a.V < b.W) OR 1 = 0"));
        assertEquals(scanned, indexed);
        assertTrue(indexed.stream().noneMatch(r -> r.startsWith("error")), "no error rows");
        assertTrue(indexed.size() > 20_000, "many pairs per window: " + indexed.size());
        assertTrue(indexed.stream().anyMatch(r -> r.contains("null, null, null]")), "unmatched rows of the LEFT JOIN");
    }

    @Test
    void everyPairOfEqualKeysInTheWindows() {
        String code = STREAMS + "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM a.K, a.S, a.V, b.K, b.S, b.W\n"
                + "  FROM L OVER (RANGE INTERVAL '1' HOUR PRECEDING) AS a\n"
                + "  JOIN R OVER (RANGE INTERVAL '1' HOUR PRECEDING) AS b ON b.K = a.K;";
        RunningApplication app = SqlEngine.compile(code, List.of(SqlCase.transactions())).start();
        List<Row> out = new ArrayList<>();
        app.subscribe("OUT1", out::add);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 200; i++) {
            app.pushRow("L", new Object[] {i % 10, "a   ", i}, t + i);
            app.pushRow("R", new Object[] {new BigDecimal((i % 10) + ".0"), "b", i}, t + i);
        }
        // 20 rows of each key on each side, all within the hour: 10 keys * 20 * 20 pairs.
        assertEquals(4000, out.size());
        assertTrue(out.stream().allMatch(r -> ((BigDecimal) r.values()[3]).intValueExact() == (Integer) r.values()[0]));
    }
}
