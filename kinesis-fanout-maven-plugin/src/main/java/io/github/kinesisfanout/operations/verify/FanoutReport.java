package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of a routing check: every output's result, a one-line summary and, when it failed,
 * a message naming what went wrong with the first few rows concerned.
 *
 * @param recordsPut records the manifest lists
 * @param outputs one result per checked output, in configuration order
 * @param logsChecked whether the consumers' logs were counted
 */
public record FanoutReport(int recordsPut, List<OutputResult> outputs, boolean logsChecked) {

    /** True when every output received exactly its rows and (if checked) every consumer logged them. */
    public boolean passed() {
        return outputs.stream().allMatch(o -> o.routedCorrectly() && consumerKeptUp(o));
    }

    /**
     * The line a reader takes in at a glance, e.g. {@code put 1000 records -> POSITIVE_TRANSACTIONS 503/503,
     * NEGATIVE_TRANSACTIONS 497/497, error_stream 0; consumers logged 1000; p99 put->output 31 ms}.
     */
    public String summary() {
        StringBuilder line = new StringBuilder("put ").append(recordsPut).append(" records -> ");
        line.append(outputs.stream().map(FanoutReport::outputSummary).collect(Collectors.joining(", ")));
        if (logsChecked) {
            int logged = outputs.stream().map(OutputResult::logged).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
            int shouldLog = outputs.stream().filter(o -> o.logged() != null).mapToInt(OutputResult::expected).sum();
            line.append("; consumers logged ").append(logged);
            if (logged < shouldLog) {
                line.append(" of ").append(shouldLog);
            }
        }
        Long p99 = Percentiles.of(outputs.stream().flatMap(o -> o.latenciesMillis().stream()).toList(), 99);
        if (p99 != null) {
            line.append("; p99 put->output ").append(p99).append(" ms");
        }
        return line.toString();
    }

    /** Every problem, one line each, with the first few rows concerned; empty when the check passed. */
    public List<String> problems() {
        return outputs.stream().flatMap(o -> problems(o).stream()).toList();
    }

    private static String outputSummary(OutputResult o) {
        StringBuilder text = new StringBuilder(o.name()).append(' ');
        if (o.expected() == 0) {
            text.append(o.arrived());
        } else {
            text.append(o.matched()).append('/').append(o.expected());
        }
        if (o.unexpected() > 0 && o.expected() > 0) {
            text.append(" +").append(o.unexpected()).append(" unexpected");
        }
        if (o.duplicated() > 0) {
            text.append(" (").append(o.duplicated()).append(" duplicated)");
        }
        return text.toString();
    }

    private boolean consumerKeptUp(OutputResult o) {
        return !logsChecked || o.logged() == null || o.logged() >= o.expected();
    }

    private List<String> problems(OutputResult o) {
        String where = o.name() + " (stream " + o.streamName() + ")";
        List<String> lines = new java.util.ArrayList<>();
        if (o.missing() > 0) {
            lines.add(where + ": " + o.missing() + " of " + o.expected() + " expected rows did not arrive, first: "
                    + rows(o.firstMissing()));
        }
        if (o.unexpected() > 0) {
            lines.add(where + ": " + o.unexpected() + " rows arrived that the SQL does not route there, first: "
                    + rows(o.firstUnexpected()));
        }
        if (!consumerKeptUp(o)) {
            lines.add(where + ": its consumer logged " + o.logged() + " of " + o.expected() + " rows");
        }
        return lines;
    }

    private static String rows(List<JsonNode> rows) {
        return rows.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
    }
}
