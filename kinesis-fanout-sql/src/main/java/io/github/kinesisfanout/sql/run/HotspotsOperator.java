package io.github.kinesisfanout.sql.run;

import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HOTSPOTS (reference 4.7), by a deterministic density method (AWS does not publish its algorithm): the numeric
 * columns of a row are a point; each row comes out with the hotspots of the last {@code windowSize} points, its own
 * included. Two points within {@code scanRadius} of each other (Euclidean) are neighbours, and neighbours of
 * neighbours are one cluster (the ε of DBSCAN, as the reference likens scanRadius to); a cluster of at least
 * {@code minimumNumberOfPointsInAHotspot} points is a hotspot. Its minValues and maxValues are its bounding box, and
 * its density its number of points divided by its size, the volume of the box widened by scanRadius on every side
 * (so a hotspot of equal points has a finite density). Hotspots are listed densest first. A row with a NULL
 * coordinate is not a point: it comes out with the hotspots of the window as it is.
 */
final class HotspotsOperator implements TableOperator {

    private final int[] columns;
    private final int windowSize;
    private final double radius;
    private final int minimum;
    /** The window's points, oldest first, in a ring of windowSize slots. */
    private final double[][] points;
    private int first;
    private int size;

    HotspotsOperator(TableFunction function) {
        this.columns = function.inputColumns().stream().mapToInt(Integer::intValue).toArray();
        this.windowSize = (Integer) function.parameters().get("windowSize");
        this.radius = (Double) function.parameters().get("scanRadius");
        this.minimum = (Integer) function.parameters().get("minimumNumberOfPointsInAHotspot");
        this.points = new double[windowSize][];
    }

    @Override
    public void apply(StreamRow row, Output out) {
        double[] point = new double[columns.length];
        boolean complete = true;
        for (int i = 0; i < columns.length; i++) {
            Object v = row.values[columns[i]];
            if (v == null) {
                complete = false;
                break;
            }
            point[i] = ((Number) v).doubleValue();
        }
        if (complete) {
            add(point);
        }
        Object[] values = Arrays.copyOf(row.values, row.values.length + 1);
        values[row.values.length] = json(hotspots());
        out.row(values, row.rowtime, row.arrival);
    }

    private void add(double[] point) {
        if (size == windowSize) {
            points[first] = point;
            first = (first + 1) % windowSize;
        } else {
            points[(first + size++) % windowSize] = point;
        }
    }

    /** One hotspot: its points' count, bounding box and density, and its oldest point's place in the window. */
    record Hotspot(int count, double[] min, double[] max, double density, int firstPoint) {
    }

    /** The hotspots of the window, densest first (equal densities: the one whose oldest point is older first). */
    List<Hotspot> hotspots() {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        double limit = radius * radius;
        for (int i = 0; i < size; i++) {
            double[] p = points[(first + i) % windowSize];
            for (int j = i + 1; j < size; j++) {
                if (distanceSquared(p, points[(first + j) % windowSize]) <= limit) {
                    union(parent, i, j);
                }
            }
        }
        int[] count = new int[size];
        for (int i = 0; i < size; i++) {
            count[find(parent, i)]++;
        }
        List<Hotspot> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Each cluster once, at its oldest point (the first index whose root has not been listed).
            int root = find(parent, i);
            if (count[root] < minimum) {
                continue;
            }
            double[] min = new double[columns.length];
            double[] max = new double[columns.length];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (int j = i; j < size; j++) {
                if (find(parent, j) == root) {
                    double[] p = points[(first + j) % windowSize];
                    for (int d = 0; d < p.length; d++) {
                        min[d] = Math.min(min[d], p[d]);
                        max[d] = Math.max(max[d], p[d]);
                    }
                }
            }
            double volume = 1;
            for (int d = 0; d < min.length; d++) {
                volume *= max[d] - min[d] + 2 * radius;
            }
            out.add(new Hotspot(count[root], min, max, count[root] / volume, i));
            count[root] = 0;
        }
        out.sort((a, b) -> a.density() != b.density() ? Double.compare(b.density(), a.density())
                : Integer.compare(a.firstPoint(), b.firstPoint()));
        return out;
    }

    private static double distanceSquared(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int i, int j) {
        int a = find(parent, i);
        int b = find(parent, j);
        if (a != b) {
            // The older point's root stays the root.
            parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    /** The HOTSPOTS_RESULT JSON: {"hotspots":[{"density":..,"minValues":[..],"maxValues":[..]}, ...]}. */
    private static String json(List<Hotspot> hotspots) {
        StringBuilder json = new StringBuilder("{\"hotspots\":[");
        for (int h = 0; h < hotspots.size(); h++) {
            Hotspot spot = hotspots.get(h);
            json.append(h == 0 ? "" : ",").append("{\"density\":");
            number(json, spot.density());
            json.append(",\"minValues\":");
            array(json, spot.min());
            json.append(",\"maxValues\":");
            array(json, spot.max());
            json.append('}');
        }
        return json.append("]}").toString();
    }

    private static void array(StringBuilder json, double[] values) {
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            number(json, values[i]);
        }
        json.append(']');
    }

    /** A JSON number as Java prints a double; a value too large to be finite is null, as JSON output renders it. */
    private static void number(StringBuilder json, double v) {
        json.append(Double.isFinite(v) ? Double.toString(v) : "null");
    }
}
