package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazon.randomcutforest.RandomCutForest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties of RANDOM_CUT_FOREST and RANDOM_CUT_FOREST_WITH_EXPLANATION past the warm-up, where exact
 * scores are the library's business: non-negative scores, an outlier above every inlier, reproducible
 * runs, attributions adding up to the score, and the outlying column's direction; and, under the
 * default parameters, the very scores of AWS's own library built with its defaults and the operator's seed.
 */
class RandomCutForestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INLIERS = 600;

    private static final InputSchema SCHEMA = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"),
            List.of(new InputSchema.Column("X", "DOUBLE", "$.X"), new InputSchema.Column("Y", "DOUBLE", "$.Y")),
            "UTF-8");

    /** Runs the function over inliers around (10, 20), one outlier at (60, 20) after them, and more inliers. */
    private static List<Row> run(String function, String parameters) {
        String code = "CREATE STREAM OUT1 (X DOUBLE, Y DOUBLE, ANOMALY_SCORE DOUBLE"
                + (function.endsWith("EXPLANATION") ? ", ANOMALY_EXPLANATION VARCHAR(1024)" : "") + ");\n"
                + "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM * FROM TABLE(" + function
                + "(CURSOR(SELECT STREAM X, Y FROM \"SOURCE_SQL_STREAM_001\")" + parameters + "));";
        RunningApplication app = SqlEngine.compile(code, List.of(SCHEMA)).start();
        List<Row> rows = new ArrayList<>();
        app.subscribe("OUT1", rows::add);
        app.subscribe("error_stream", r -> rows.add(null));
        Random random = new Random(7);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < INLIERS + 50; i++) {
            double x = i == INLIERS ? 60 : 10 + random.nextGaussian();
            double y = 20 + random.nextGaussian();
            byte[] data = String.format(Locale.ROOT, "{\"X\":%.4f,\"Y\":%.4f}", x, y).getBytes(StandardCharsets.UTF_8);
            app.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord(data, t + i, t + i, "pk", "1", "shardId-000000000000"));
        }
        assertEquals(INLIERS + 50, rows.size());
        assertTrue(rows.stream().allMatch(r -> r != null), "no error rows");
        return rows;
    }

    private static double score(Row row) {
        return (Double) row.values()[2];
    }

    @Test
    void warmsUpThenScoresTheOutlierAboveEveryInlier() {
        List<Row> rows = run("RANDOM_CUT_FOREST", "");
        for (int i = 0; i < 256; i++) {
            assertEquals(0.0, score(rows.get(i)), "warm-up row " + i);
        }
        double outlier = score(rows.get(INLIERS));
        double maxInlier = 0;
        for (int i = 256; i < rows.size(); i++) {
            assertTrue(score(rows.get(i)) >= 0, "non-negative score");
            if (i != INLIERS && i < INLIERS) {
                maxInlier = Math.max(maxInlier, score(rows.get(i)));
            }
        }
        assertTrue(outlier > maxInlier, "outlier " + outlier + " above every inlier (max " + maxInlier + ")");
        assertTrue(score(rows.get(300)) > 0, "scores after the warm-up");
    }

    @Test
    void isReproducible() {
        List<Row> a = run("RANDOM_CUT_FOREST", ", 50, 100, 1000, 2");
        List<Row> b = run("RANDOM_CUT_FOREST", ", 50, 100, 1000, 2");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(score(a.get(i)), score(b.get(i)), "row " + i);
        }
        assertEquals(0.0, score(a.get(100)), "the warm-up counts shingles: 100 shingles of 2 rows end at row 100");
        assertTrue(score(a.get(101)) > 0);
    }

    @Test
    void explanationAttributionsAddUpAndTellTheDirection() throws Exception {
        List<Row> rows = run("RANDOM_CUT_FOREST_WITH_EXPLANATION", ", 100, 256, 100000, 1, TRUE");
        for (int i = 256; i < rows.size(); i++) {
            JsonNode explanation = JSON.readTree((String) rows.get(i).values()[3]);
            double sum = 0;
            for (Iterator<JsonNode> it = explanation.elements(); it.hasNext(); ) {
                JsonNode column = it.next();
                double strength = Double.parseDouble(column.get("STRENGTH").asText());
                assertTrue(strength >= 0 && strength <= 1, "strength in [0, 1]");
                sum += Double.parseDouble(column.get("ATTRIBUTION_SCORE").asText());
            }
            assertEquals(score(rows.get(i)), sum, 1e-9 * Math.max(1, sum), "attributions add up, row " + i);
        }
        JsonNode outlier = JSON.readTree((String) rows.get(INLIERS).values()[3]);
        assertEquals("HIGH", outlier.get("X").get("DIRECTION").asText());
        assertTrue(Double.parseDouble(outlier.get("X").get("ATTRIBUTION_SCORE").asText())
                > Double.parseDouble(outlier.get("Y").get("ATTRIBUTION_SCORE").asText()), "X explains the outlier");
    }

    /**
     * 3,000 rows, enough for the library's default point store (twice the sample size) to compact and grow
     * several times: each score past the warm-up is, to the bit, what randomcutforest-core gives for the same
     * point when built with AWS's parameters (100 trees, sample 256, decay 1 / 100,000), its own defaults
     * for everything else and the operator's fixed seed 42, scoring each point before adding it.
     */
    @Test
    void defaultParametersGiveTheLibrarysOwnScores() {
        String code = "CREATE STREAM OUT1 (X DOUBLE, Y DOUBLE, ANOMALY_SCORE DOUBLE);\n"
                + "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM * FROM TABLE(RANDOM_CUT_FOREST("
                + "CURSOR(SELECT STREAM X, Y FROM \"SOURCE_SQL_STREAM_001\")));";
        RunningApplication app = SqlEngine.compile(code, List.of(SCHEMA)).start();
        List<Row> rows = new ArrayList<>();
        app.subscribe("OUT1", rows::add);
        RandomCutForest library = RandomCutForest.builder().dimensions(2).numberOfTrees(100).sampleSize(256)
                .timeDecay(1.0 / 100_000).randomSeed(42L).build();
        Random random = new Random(11);
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 3000; i++) {
            String x = String.format(Locale.ROOT, "%.4f", (i % 500 == 499 ? 40 : 10) + random.nextGaussian());
            String y = String.format(Locale.ROOT, "%.4f", 20 + 3 * random.nextGaussian());
            byte[] data = ("{\"X\":" + x + ",\"Y\":" + y + "}").getBytes(StandardCharsets.UTF_8);
            app.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord(data, t + i, t + i, "pk", "1", "shardId-000000000000"));
            float[] point = {(float) Double.parseDouble(x), (float) Double.parseDouble(y)};
            double expected = i < 256 ? 0.0 : library.getAnomalyScore(point);
            library.update(point);
            assertEquals(i + 1, rows.size(), "one row per record");
            assertEquals(expected, score(rows.get(i)), "row " + i);
        }
        assertTrue(score(rows.get(999)) > score(rows.get(998)), "the planted outlier at row 999 scores above its neighbour");
    }
}
