package io.github.kinesisfanout.local.analytics;

import software.amazon.awssdk.services.kinesisanalytics.model.Input;
import software.amazon.awssdk.services.kinesisanalytics.model.RecordColumn;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/** The reference transaction-routing application: its input schema and its SQL. */
public final class TransactionApp {

    public static final String SQL = """
            CREATE OR REPLACE STREAM "POSITIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
            CREATE OR REPLACE STREAM "NEGATIVE_TRANSACTIONS" (ID INTEGER, USERNAME VARCHAR(200), AMOUNT DECIMAL(5,2));
            CREATE OR REPLACE PUMP "POSITIVE_PUMP" AS INSERT INTO "POSITIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT >= 0;
            CREATE OR REPLACE PUMP "NEGATIVE_PUMP" AS INSERT INTO "NEGATIVE_TRANSACTIONS"
              SELECT STREAM ID, USERNAME, AMOUNT FROM "SOURCE_SQL_STREAM_001" WHERE AMOUNT < 0;
            """;

    private TransactionApp() {
    }

    public static SourceSchema schema() {
        return SourceSchema.builder()
                .recordFormat(f -> f.recordFormatType("JSON").mappingParameters(m -> m.jsonMappingParameters(j -> j.recordRowPath("$"))))
                .recordEncoding("UTF-8")
                .recordColumns(
                        RecordColumn.builder().name("ID").sqlType("INTEGER").mapping("$.ID").build(),
                        RecordColumn.builder().name("USERNAME").sqlType("VARCHAR(200)").mapping("$.USERNAME").build(),
                        RecordColumn.builder().name("AMOUNT").sqlType("DECIMAL(5,2)").mapping("$.AMOUNT").build())
                .build();
    }

    static Input input(String streamArn, int parallelism) {
        return Input.builder().namePrefix("SOURCE_SQL_STREAM")
                .kinesisStreamsInput(k -> k.resourceARN(streamArn).roleARN(AnalyticsControlPlaneIT.ROLE))
                .inputParallelism(p -> p.count(parallelism))
                .inputSchema(schema())
                .build();
    }
}
