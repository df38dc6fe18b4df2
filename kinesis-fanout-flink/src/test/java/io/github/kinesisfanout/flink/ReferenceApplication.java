package io.github.kinesisfanout.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.kinesisfanout.sql.FlinkOptions;
import io.github.kinesisfanout.sql.FlinkOutput;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.SqlEngine;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reference transaction fan-out as the sample project holds it (its SQL and input schema), with the records both engines get. */
final class ReferenceApplication {

    static final List<String> OUTPUTS = List.of("POSITIVE_TRANSACTIONS", "NEGATIVE_TRANSACTIONS");

    final String sql;
    final List<InputSchema.Column> columns;

    private ReferenceApplication(String sql, List<InputSchema.Column> columns) {
        this.sql = sql;
        this.columns = columns;
    }

    /** Reads {@code sql/application.sql} and {@code schema/input-schema.json} under the sample's {@code src/main}. */
    static ReferenceApplication load(Path sampleMain) throws IOException {
        String sql = Files.readString(sampleMain.resolve("sql/application.sql"));
        List<InputSchema.Column> columns = new ArrayList<>();
        for (JsonNode column : new ObjectMapper().readTree(sampleMain.resolve("schema/input-schema.json").toFile())) {
            columns.add(new InputSchema.Column(column.get("Name").asText(), column.get("SqlType").asText(),
                    column.get("Mapping").asText()));
        }
        return new ReferenceApplication(sql, columns);
    }

    InputSchema inputSchema() {
        return new InputSchema("SOURCE_SQL_STREAM", InputSchema.RecordFormat.json("$"), columns, "UTF-8");
    }

    /** The same schema as a Kinesis Analytics v1 SourceSchema, for CreateApplication. */
    SourceSchema sourceSchema() {
        List<RecordColumn> records = new ArrayList<>();
        for (InputSchema.Column column : columns) {
            records.add(RecordColumn.builder().name(column.name()).sqlType(column.sqlType()).mapping(column.mapping()).build());
        }
        return SourceSchema.builder()
                .recordFormat(f -> f.recordFormatType("JSON").mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordEncoding("UTF-8").recordColumns(records).build();
    }

    /** The Flink SQL script of the application (legacy Kinesis connector, processing time, JSON outputs). */
    String translated() {
        List<FlinkOutput> outputs = new ArrayList<>();
        for (String output : OUTPUTS) {
            outputs.add(new FlinkOutput(output, "JSON"));
        }
        return SqlEngine.translateToFlink(sql, List.of(inputSchema()), outputs, FlinkOptions.defaults()).script();
    }

    /** Transaction {@code i}: {@code {"ID":...,"USERNAME":"user-...","AMOUNT":-123.45}}, AMOUNT within DECIMAL(5,2). */
    static String record(int i) {
        return "{\"ID\":" + (100_000 + i) + ",\"USERNAME\":\"user-" + (i * 7 % 1000) + "\",\"AMOUNT\":"
                + BigDecimal.valueOf(cents(i), 2).toPlainString() + "}";
    }

    /** How many of the first {@code n} transactions have AMOUNT >= 0 (the rest are negative). */
    static long positives(int n) {
        long positive = 0;
        for (int i = 0; i < n; i++) {
            positive += cents(i) >= 0 ? 1 : 0;
        }
        return positive;
    }

    private static long cents(int i) {
        return (i * 7919L) % 199_999 - 99_999;
    }
}
