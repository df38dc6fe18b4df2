package io.github.kinesisfanout.sql.run;

import com.amazon.randomcutforest.RandomCutForest;
import com.amazon.randomcutforest.returntypes.DiVector;
import io.github.kinesisfanout.sql.analyze.StreamDef;
import io.github.kinesisfanout.sql.analyze.TableFunction;
import io.github.kinesisfanout.sql.plan.StreamRow;
import java.util.Arrays;
import java.util.List;

/**
 * RANDOM_CUT_FOREST and RANDOM_CUT_FOREST_WITH_EXPLANATION (reference 4.7) on AWS's own library: the
 * numeric columns of each row (NULL as 0) make a point, {@code shingleSize} consecutive points one
 * shingle; each shingle is scored against the forest, then added to it. ANOMALY_SCORE is 0 until
 * {@code subSampleSize} shingles have been seen (the warm-up). The forest's seed is fixed, so a run is
 * reproducible; the documented timeDecay (a number of rows) is the library's decay 1 / timeDecay.
 */
final class RandomCutForestOperator implements TableOperator {

    /** The seed of every forest: runs are reproducible. */
    static final long SEED = 42L;

    /** The most floats the point store starts with; past that it grows as the library grows it. */
    private static final int INITIAL_STORE_FLOATS = 1 << 20;

    private final RandomCutForest forest;
    private final int[] columns;
    private final List<String> names;
    private final int shingleSize;
    private final int warmUp;
    private final boolean explained;
    private final boolean directionality;
    private final float[] shingle;
    private long seen;

    RandomCutForestOperator(TableFunction function, StreamDef input) {
        this.columns = function.inputColumns().stream().mapToInt(Integer::intValue).toArray();
        this.names = function.inputColumns().stream().map(i -> input.columns().get(i).name()).toList();
        this.shingleSize = (Integer) function.parameters().get("shingleSize");
        this.warmUp = (Integer) function.parameters().get("subSampleSize");
        this.explained = function.name().equals(TableFunction.RANDOM_CUT_FOREST_WITH_EXPLANATION);
        this.directionality = Boolean.TRUE.equals(function.parameters().get("withDirectionality"));
        this.shingle = new float[columns.length * shingleSize];
        int trees = (Integer) function.parameters().get("numberOfTrees");
        this.forest = RandomCutForest.builder()
                .dimensions(shingle.length)
                .numberOfTrees(trees)
                .sampleSize(warmUp)
                .initialPointStoreSize(initialStoreSize(trees, warmUp, shingle.length))
                .timeDecay(1.0 / ((Number) function.parameters().get("timeDecay")).doubleValue())
                .randomSeed(SEED)
                .parallelExecutionEnabled(false)
                .build();
    }

    /**
     * The point store's starting size in points: its full capacity (one point per tree and sample slot),
     * up to {@link #INITIAL_STORE_FLOATS}. The library's default starts at twice the sample size and, while
     * the samples fill, compacts the store and grows it by a tenth at a time, which made the first 200,000
     * records about a quarter slower; where a point is stored does not change a score.
     */
    static int initialStoreSize(int trees, int sampleSize, int dimensions) {
        int capacity = Math.max(sampleSize * trees + 1, 2 * sampleSize);
        return Math.max(2 * sampleSize, Math.min(capacity, INITIAL_STORE_FLOATS / dimensions));
    }

    @Override
    public void apply(StreamRow row, Output output) {
        output.row(score(row), row.rowtime, row.arrival);
    }

    private Object[] score(StreamRow row) {
        System.arraycopy(shingle, columns.length, shingle, 0, shingle.length - columns.length);
        for (int i = 0; i < columns.length; i++) {
            Object v = row.values[columns[i]];
            shingle[shingle.length - columns.length + i] = point(v);
        }
        seen++;
        Object[] out = Arrays.copyOf(row.values, row.values.length + (explained ? 2 : 1));
        if (seen < shingleSize) {
            out[row.values.length] = 0.0;
            if (explained) {
                out[row.values.length + 1] = explanation(null);
            }
            return out;
        }
        float[] point = shingle.clone();
        long shingles = seen - shingleSize + 1;
        boolean ready = shingles > warmUp;
        if (explained) {
            DiVector attribution = ready ? forest.getAnomalyAttribution(point) : null;
            out[row.values.length] = attribution == null ? 0.0 : attribution.getHighLowSum();
            out[row.values.length + 1] = explanation(attribution);
        } else {
            out[row.values.length] = ready ? forest.getAnomalyScore(point) : 0.0;
        }
        forest.update(point);
        return out;
    }

    /**
     * A column's coordinate as the library stores it: single precision, NULL and -0.0 as 0 (what the
     * library's own conversion of a double[] point does, without the copies it makes per call).
     */
    private static float point(Object value) {
        double v = value == null ? 0 : ((Number) value).doubleValue();
        return v == 0 ? 0 : (float) v;
    }

    /** The ANOMALY_EXPLANATION JSON: per numeric column its attribution, strength and (optionally) direction. */
    private String explanation(DiVector attribution) {
        StringBuilder json = new StringBuilder("{");
        for (int c = 0; c < columns.length; c++) {
            double high = 0;
            double low = 0;
            if (attribution != null) {
                for (int s = 0; s < shingleSize; s++) {
                    high += attribution.high[s * columns.length + c];
                    low += attribution.low[s * columns.length + c];
                }
            }
            double total = high + low;
            double strength = total == 0 ? 0 : Math.abs(high - low) / total;
            if (c > 0) {
                json.append(',');
            }
            json.append('"').append(names.get(c).replace("\\", "\\\\").replace("\"", "\\\"")).append("\":{");
            if (directionality) {
                json.append("\"DIRECTION\":\"").append(high >= low ? "HIGH" : "LOW").append("\",");
            }
            json.append("\"STRENGTH\":\"").append(strength).append("\",\"ATTRIBUTION_SCORE\":\"").append(total)
                    .append("\"}");
        }
        return json.append('}').toString();
    }
}
