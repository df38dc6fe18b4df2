package io.github.kinesisfanout.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HOTSPOTS over full windows (windowSize is at least 100, too many rows for a fixture): 40 points far apart, then a
 * tight cluster of 60 on a grid of 0.125, then more far points pushing the cluster out of the window. Counts, boxes
 * and densities are worked out from the grid: scanRadius 0.25 joins grid neighbours, and a box's size is its width
 * and height each widened by 2 * 0.25.
 */
class HotspotsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InputSchema SCHEMA = new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"),
            List.of(new InputSchema.Column("X", "DOUBLE", "$.X"), new InputSchema.Column("Y", "DOUBLE", "$.Y"),
                    new InputSchema.Column("IS_HOT", "VARCHAR(4)", "$.IS_HOT")), "UTF-8");
    private static final String CODE = "CREATE STREAM OUT1 (X DOUBLE, Y DOUBLE, IS_HOT VARCHAR(4), "
            + "HOTSPOTS_RESULT VARCHAR(10000));\n"
            + "CREATE PUMP P AS INSERT INTO OUT1 SELECT STREAM X, Y, IS_HOT, HOTSPOTS_RESULT FROM TABLE(HOTSPOTS("
            + "CURSOR(SELECT STREAM X, Y, IS_HOT FROM \"SOURCE_SQL_STREAM_001\"), 100, 0.25, 50));";

    private final List<Row> rows = new ArrayList<>();
    private RunningApplication app;
    private long t = 1_700_000_000_000L;

    @BeforeEach
    void start() {
        app = SqlEngine.compile(CODE, List.of(SCHEMA)).start();
        app.subscribe("OUT1", rows::add);
        app.subscribe("error_stream", r -> rows.add(null));
        for (int k = 1; k <= 40; k++) {
            push(1000.0 * k, -1000.0 * k, "N");
        }
        // Cluster point c at (100 + 0.125 * (c / 10), 200 + 0.125 * (c % 10)): x in [100, 100.625], y in [200, 201.125].
        for (int c = 0; c < 60; c++) {
            push(100 + 0.125 * (c / 10), 200 + 0.125 * (c % 10), "Y");
        }
    }

    private void push(double x, double y, String hot) {
        byte[] data = String.format(Locale.ROOT, "{\"X\":%s,\"Y\":%s,\"IS_HOT\":\"%s\"}", x, y, hot)
                .getBytes(StandardCharsets.UTF_8);
        app.pushRecord("SOURCE_SQL_STREAM_001", new InputRecord(data, t, t, "pk", "1", "shardId-000000000000"));
        t++;
    }

    private static JsonNode hotspots(Row row) throws Exception {
        return JSON.readTree((String) row.values()[3]).get("hotspots");
    }

    @Test
    void aClusterBecomesAHotspotWhenItHasTheMinimumNumberOfPoints() throws Exception {
        assertEquals(100, rows.size());
        // Row 88 is the 49th cluster point, row 89 the 50th.
        assertEquals(0, hotspots(rows.get(88)).size());
        JsonNode at50 = hotspots(rows.get(89));
        assertEquals(1, at50.size());
        // 50 points: columns 0..4 full (x 100..100.5), y 200..201.125.
        assertEquals(50 / ((0.5 + 0.5) * (1.125 + 0.5)), at50.get(0).get("density").asDouble(), 1e-12);
        assertEquals("[100.0,200.0]", at50.get(0).get("minValues").toString());
        assertEquals("[100.5,201.125]", at50.get(0).get("maxValues").toString());
    }

    @Test
    void theWholeClusterIsOneHotspotWithItsBoundingBox() throws Exception {
        Row last = rows.get(99);
        assertEquals("Y", last.values()[2], "input columns pass through");
        assertEquals(100.625, last.values()[0]);
        JsonNode spots = hotspots(last);
        assertEquals(1, spots.size(), "the 40 far points are no hotspot");
        assertEquals("[100.0,200.0]", spots.get(0).get("minValues").toString());
        assertEquals("[100.625,201.125]", spots.get(0).get("maxValues").toString());
        assertEquals(60 / ((0.625 + 0.5) * (1.125 + 0.5)), spots.get(0).get("density").asDouble(), 1e-12);
    }

    @Test
    void theWindowSlides() throws Exception {
        for (int k = 1; k <= 51; k++) {
            push(-1000.0 * k, 1000.0 * k, "N");
        }
        assertEquals(151, rows.size());
        // After 50 more far points the window (rows 50..149) holds cluster points 10..59: x 100.125..100.625.
        JsonNode at50 = hotspots(rows.get(149));
        assertEquals(1, at50.size());
        assertEquals("[100.125,200.0]", at50.get(0).get("minValues").toString());
        assertEquals("[100.625,201.125]", at50.get(0).get("maxValues").toString());
        assertEquals(50 / ((0.5 + 0.5) * (1.125 + 0.5)), at50.get(0).get("density").asDouble(), 1e-12);
        // One more: 49 cluster points left, below the minimum.
        assertEquals(0, hotspots(rows.get(150)).size());
    }

    @Test
    void twoHotspotsAreListedDensestFirst() throws Exception {
        // A second cluster of 50 at spacing 0.25 (neighbours at radius 0.25, inclusive): x -50..-49, y -50..-47.75.
        // The window (rows 50..149) keeps 50 points of the first cluster (10..59), so both are hotspots.
        for (int c = 0; c < 50; c++) {
            push(-50 + 0.25 * (c / 10), -50 + 0.25 * (c % 10), "Y");
        }
        JsonNode spots = hotspots(rows.get(149));
        assertEquals(2, spots.size());
        assertEquals("[100.125,200.0]", spots.get(0).get("minValues").toString());
        assertEquals(50 / ((0.5 + 0.5) * (1.125 + 0.5)), spots.get(0).get("density").asDouble(), 1e-12);
        assertEquals("[-50.0,-50.0]", spots.get(1).get("minValues").toString());
        assertEquals("[-49.0,-47.75]", spots.get(1).get("maxValues").toString());
        assertEquals(50 / ((1.0 + 0.5) * (2.25 + 0.5)), spots.get(1).get("density").asDouble(), 1e-12);
        assertEquals(150, rows.size(), "no error rows");
    }
}
