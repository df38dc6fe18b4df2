package io.github.kinesisfanout.operations.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The routing report as one self-contained HTML page (inline CSS and SVG, nothing fetched, so it
 * opens offline from the build folder): the verdict, per output expected and arrived rows as
 * numbers and bars, a latency histogram and the run's parameters; every value from data escaped.
 */
public final class FanoutReportHtml {

    private static final int BAR_WIDTH = 200;
    private static final int BUCKET_WIDTH = 52;
    private static final int CHART_HEIGHT = 160;
    private static final String MATCHED = "#43a047";
    private static final String MISSING = "#e53935";
    private static final String DUPLICATED = "#fbc02d";
    private static final String UNEXPECTED = "#8e24aa";
    private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
            + "h1 .verdict{padding:0 .4em;border-radius:4px;color:#fff}.passed{background:#2e7d32}"
            + ".failed{background:#c62828}table{border-collapse:collapse;margin:.5em 0 1.5em}"
            + "th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}"
            + "table.outputs td{text-align:right;font-variant-numeric:tabular-nums}table.outputs td.stream{text-align:left}"
            + "strong{color:#c62828}.summary,.problems{font-family:monospace}"
            + ".legend i{display:inline-block;width:12px;height:12px;margin:0 4px 0 14px;vertical-align:middle}"
            + "svg text{font:11px system-ui,sans-serif;fill:#444}";

    private FanoutReportHtml() {
    }

    /** The page's path: beside the JSON report, with its name ending in {@code .html} instead of {@code .json}. */
    public static Path fileBeside(Path jsonReport) {
        String name = jsonReport.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return jsonReport.resolveSibling(base + ".html");
    }

    /** Writes the page beside the JSON report and returns its path. */
    public static Path write(FanoutReport report, VerifySettings settings, Instant checkedAt, Duration took) {
        Path file = fileBeside(settings.report());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(report, settings, checkedAt, took));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML routing report " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** The page for a report of a check that started at {@code checkedAt} and lasted {@code took}. */
    static String render(FanoutReport report, VerifySettings settings, Instant checkedAt, Duration took) {
        String verdict = report.passed() ? "passed" : "failed";
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>verify-fanout: routing check ").append(verdict).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n<h1>Routing check <span class=\"verdict ")
                .append(verdict).append("\">").append(verdict).append("</span></h1>\n<p class=\"summary\">")
                .append(escape(report.summary())).append("</p>\n");
        if (!report.problems().isEmpty()) {
            html.append("<ul class=\"problems\">\n");
            report.problems().forEach(p -> html.append("<li>").append(escape(p)).append("</li>\n"));
            html.append("</ul>\n");
        }
        outputs(html, report);
        latencies(html, report.outputs().stream().flatMap(o -> o.latenciesMillis().stream()).toList());
        parameters(html, report, settings, checkedAt, took);
        return html.append("</body>\n</html>\n").toString();
    }

    private static void outputs(StringBuilder html, FanoutReport report) {
        html.append("<h2>Outputs</h2>\n<table class=\"outputs\">\n<thead><tr><th>Output</th><th>Kinesis stream</th>"
                + "<th>Expected</th><th>Arrived</th><th>Matched</th><th>Missing</th><th>Unexpected</th>"
                + "<th>Duplicated</th>");
        html.append(report.logsChecked() ? "<th>Consumer logged</th>" : "")
                .append("<th>p50 (ms)</th><th>p99 (ms)</th><th>Expected vs arrived</th></tr></thead>\n<tbody>\n");
        int scale = report.outputs().stream().mapToInt(o -> Math.max(o.expected(), o.arrived())).max().orElse(0);
        for (OutputResult o : report.outputs()) {
            html.append("<tr><th scope=\"row\">").append(escape(o.name())).append("</th><td class=\"stream\">")
                    .append(escape(o.streamName())).append("</td>");
            cell(html, "expected", o.expected(), false);
            cell(html, "arrived", o.arrived(), false);
            cell(html, "matched", o.matched(), false);
            cell(html, "missing", o.missing(), o.missing() > 0);
            cell(html, "unexpected", o.unexpected(), o.unexpected() > 0);
            cell(html, "duplicated", o.duplicated(), false);
            if (report.logsChecked()) {
                html.append("<td class=\"logged\">").append(o.logged() == null ? "not checked"
                        : o.logged() < o.expected() ? "<strong>" + o.logged() + "</strong>" : o.logged()).append("</td>");
            }
            html.append("<td class=\"p50\">").append(o.p50Millis() == null ? "\u2013" : o.p50Millis())
                    .append("</td><td class=\"p99\">").append(o.p99Millis() == null ? "\u2013" : o.p99Millis())
                    .append("</td><td class=\"bars\">");
            bars(html, o, scale);
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"legend\">Bars:<i style=\"background:").append(MATCHED)
                .append("\"></i>matched<i style=\"background:").append(MISSING).append("\"></i>missing<i style=\"background:")
                .append(DUPLICATED).append("\"></i>duplicated<i style=\"background:").append(UNEXPECTED)
                .append("\"></i>unexpected</p>\n");
    }

    private static void cell(StringBuilder html, String kind, int value, boolean bad) {
        html.append("<td class=\"").append(kind).append("\">").append(bad ? "<strong>" + value + "</strong>" : value)
                .append("</td>");
    }

    /** Two bars on one scale for every output: expected (matched, missing) over arrived (matched, duplicated, unexpected). */
    private static void bars(StringBuilder html, OutputResult o, int scale) {
        html.append("<svg width=\"").append(56 + BAR_WIDTH + 4).append("\" height=\"34\" role=\"img\" aria-label=\"expected ")
                .append(o.expected()).append(", arrived ").append(o.arrived()).append("\">")
                .append("<text x=\"0\" y=\"13\">expected</text><text x=\"0\" y=\"30\">arrived</text>");
        double x = segment(html, 56, 3, o.matched(), scale, MATCHED, "matched");
        segment(html, x, 3, o.missing(), scale, MISSING, "missing");
        x = segment(html, 56, 20, o.matched(), scale, MATCHED, "matched");
        x = segment(html, x, 20, o.duplicated(), scale, DUPLICATED, "duplicated");
        segment(html, x, 20, o.unexpected(), scale, UNEXPECTED, "unexpected");
        html.append("</svg>");
    }

    private static double segment(StringBuilder html, double x, int y, int count, int scale, String color, String what) {
        if (count == 0 || scale == 0) {
            return x;
        }
        double width = (double) count * BAR_WIDTH / scale;
        html.append("<rect x=\"").append(number(x)).append("\" y=\"").append(y).append("\" width=\"")
                .append(number(width)).append("\" height=\"12\" fill=\"").append(color).append("\"><title>")
                .append(what).append(' ').append(count).append("</title></rect>");
        return x + width;
    }

    private static void latencies(StringBuilder html, List<Long> latencies) {
        html.append("<h2>Put-to-output latency</h2>\n");
        if (latencies.isEmpty()) {
            html.append("<p>No row matched: no latency to show.</p>\n");
            return;
        }
        html.append("<table class=\"figures\"><tr><th>rows</th><th>p50</th><th>p90</th><th>p99</th><th>max</th></tr><tr>")
                .append("<td id=\"rows\">").append(latencies.size()).append("</td>");
        for (int p : new int[] {50, 90, 99, 100}) {
            html.append("<td id=\"").append(p == 100 ? "max" : "p" + p).append("\">")
                    .append(Percentiles.of(latencies, p)).append(" ms</td>");
        }
        html.append("</tr></table>\n");
        List<LatencyHistogram.Bucket> buckets = LatencyHistogram.of(latencies);
        int most = buckets.stream().mapToInt(LatencyHistogram.Bucket::count).max().orElse(1);
        html.append("<svg id=\"histogram\" width=\"").append(buckets.size() * BUCKET_WIDTH + 10)
                .append("\" height=\"220\" role=\"img\" aria-label=\"latency histogram\">")
                .append("<line x1=\"0\" y1=\"180\" x2=\"").append(buckets.size() * BUCKET_WIDTH).append("\" y2=\"180\"")
                .append(" stroke=\"#999\"/>");
        for (int i = 0; i < buckets.size(); i++) {
            LatencyHistogram.Bucket b = buckets.get(i);
            double height = (double) b.count() * CHART_HEIGHT / most;
            int middle = i * BUCKET_WIDTH + BUCKET_WIDTH / 2;
            html.append("<g class=\"bucket\"><title>").append(escape(b.label())).append(" ms: ").append(b.count())
                    .append(b.count() == 1 ? " row" : " rows").append("</title><rect x=\"").append(i * BUCKET_WIDTH + 4)
                    .append("\" y=\"").append(number(180 - height)).append("\" width=\"").append(BUCKET_WIDTH - 8)
                    .append("\" height=\"").append(number(height)).append("\" fill=\"").append(MATCHED).append("\"/>");
            if (b.count() > 0) {
                html.append("<text x=\"").append(middle).append("\" y=\"").append(number(176 - height))
                        .append("\" text-anchor=\"middle\">").append(b.count()).append("</text>");
            }
            html.append("<text x=\"").append(middle).append("\" y=\"195\" text-anchor=\"middle\">")
                    .append(escape(b.label())).append("</text></g>");
        }
        html.append("<text x=\"0\" y=\"214\">milliseconds from put to output; a bucket holds its lower bound</text>")
                .append("</svg>\n");
    }

    private static void parameters(StringBuilder html, FanoutReport report, VerifySettings settings, Instant checkedAt,
            Duration took) {
        html.append("<h2>Run</h2>\n<table class=\"parameters\">\n");
        row(html, "recordsPut", "Records put", Integer.toString(report.recordsPut()));
        row(html, "checkedAt", "Checked at", checkedAt.truncatedTo(ChronoUnit.SECONDS).toString());
        row(html, "took", "Took", String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
        row(html, "latencyFrom", "Latency from", settings.inputStream() == null ? "the manifest's put times"
                : "arrival in the input stream " + settings.inputStream());
        row(html, "manifest", "Manifest", settings.manifest().toString());
        row(html, "sqlFile", "Application SQL", settings.sqlFile().toString());
        row(html, "schemaFile", "Input schema", settings.schemaFile().toString());
        row(html, "checkLogs", "Consumer logs counted", settings.checkLogs() ? "yes" : "no");
        row(html, "timeout", "Timeout", settings.timeout().toSeconds() + " s");
        row(html, "pollInterval", "Poll interval", settings.pollInterval().toMillis() + " ms");
        row(html, "report", "JSON report", settings.report().toString());
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String id, String label, String value) {
        html.append("<tr><th>").append(label).append("</th><td id=\"").append(id).append("\">").append(escape(value))
                .append("</td></tr>\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The text with the five characters that HTML gives a meaning replaced by their references. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
