package io.github.kinesisfanout.operations.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing check's report on disk, written by {@code verify-fanout} in integration-test and read
 * back by the goal that fails the build in verify, after the pipeline has been torn down.
 */
public final class FanoutReportFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FanoutReportFile() {
    }

    /** What a later goal needs from a report: the verdict, the summary line and the problems. */
    public record Verdict(boolean passed, String summary, List<String> problems) {
    }

    /** Writes the report as pretty JSON, creating the parent folder. */
    public static void write(Path file, FanoutReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("passed", report.passed());
        root.put("summary", report.summary());
        root.put("recordsPut", report.recordsPut());
        ArrayNode problems = root.putArray("problems");
        report.problems().forEach(problems::add);
        ArrayNode outputs = root.putArray("outputs");
        for (OutputResult o : report.outputs()) {
            ObjectNode out = outputs.addObject();
            out.put("name", o.name());
            out.put("streamName", o.streamName());
            out.put("expected", o.expected());
            out.put("arrived", o.arrived());
            out.put("matched", o.matched());
            out.put("missing", o.missing());
            out.put("unexpected", o.unexpected());
            out.put("duplicated", o.duplicated());
            out.put("p50Millis", o.p50Millis());
            out.put("p99Millis", o.p99Millis());
            out.put("logged", o.logged());
            out.putArray("firstMissing").addAll(o.firstMissing());
            out.putArray("firstUnexpected").addAll(o.firstUnexpected());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the routing report " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the verdict of a report.
     *
     * @throws NoSuchFileException when no report was written (the check did not run)
     * @throws IOException when the file is not a report
     */
    public static Verdict read(Path file) throws IOException {
        JsonNode root = JSON.readTree(Files.readAllBytes(file));
        if (root == null || !root.path("passed").isBoolean()) {
            throw new IOException(file + " is not a routing report: it has no boolean \"passed\"");
        }
        List<String> problems = new ArrayList<>();
        root.path("problems").forEach(p -> problems.add(p.asText()));
        return new Verdict(root.get("passed").booleanValue(), root.path("summary").asText(""), problems);
    }
}
