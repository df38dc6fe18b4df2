package io.github.kinesisfanout.local.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputRecord;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.OutputFormat;
import io.github.kinesisfanout.sql.RunningApplication;
import io.github.kinesisfanout.sql.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each record belongs, worked out by the project's own SQL engine over the application's
 * SQL and input schema, as verify-fanout does: the in-application output stream each ID reaches.
 */
final class SoakRouting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SoakRouting() {
    }

    /**
     * @param outputs the in-application streams to follow ({@code error_stream} allowed)
     * @return the output of each ID that reaches one; an ID absent from the map reaches none
     */
    static Map<Integer, String> expected(String sql, InputSchema schema, Collection<Integer> ids,
            List<String> outputs) {
        CompiledApplication application = SqlEngine.compile(sql, List.of(schema));
        RunningApplication running = application.start();
        Map<Integer, String> routes = new HashMap<>();
        for (String output : outputs) {
            OutputFormat format = application.outputFormat(output, "JSON");
            running.subscribe(output, row -> {
                int id = idOf(format.serialize(row));
                if (routes.put(id, output) != null) {
                    throw new IllegalStateException("the SQL routes ID " + id + " to more than one output");
                }
            });
        }
        String input = application.inputStreamNames().get(0);
        List<Integer> ordered = ids.stream().sorted().toList();
        for (int id : ordered) {
            running.pushRecord(input, new InputRecord(SoakProducer.json(id).getBytes(StandardCharsets.UTF_8), id, id,
                    "k", Integer.toString(id), "shardId-000000000000"));
        }
        return routes;
    }

    /** The ID of a JSON row or record. */
    static int idOf(byte[] json) {
        try {
            return JSON.readTree(json).get("ID").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON row: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
