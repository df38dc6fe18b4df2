package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.sql.FlinkOutput;
import io.github.kinesisfanout.sql.InputSchema;
import java.util.List;

/**
 * A fan-out application as the Flink goals take it, from create-app's parameters.
 *
 * @param sql the Kinesis Analytics SQL
 * @param sqlFile where it was read from, for messages
 * @param inputs the input schema, repeated once per in-application input stream (input parallelism)
 * @param outputs the mapped in-application streams and their record formats
 */
public record FlinkApplication(String sql, String sqlFile, List<InputSchema> inputs, List<FlinkOutput> outputs) {

    public FlinkApplication {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
