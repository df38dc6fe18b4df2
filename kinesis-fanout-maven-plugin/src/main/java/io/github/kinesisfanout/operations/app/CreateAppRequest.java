package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.ApplicationOutput;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * What create-app makes: the application, its SQL, its input, its outputs and its reference table.
 *
 * @param applicationName the application name
 * @param description the ApplicationDescription, or null
 * @param code the application SQL
 * @param sqlFileName where the SQL came from, for messages
 * @param namePrefix the in-application input stream prefix, e.g. SOURCE_SQL_STREAM
 * @param parallelism the InputParallelism count
 * @param schema the input schema (format and columns)
 * @param inputStreamArn the input Kinesis stream
 * @param roleArn the role the application uses for its input and outputs
 * @param outputs the outputs, in-application stream to Kinesis stream (by name or ARN) and format
 * @param replace delete and recreate an existing application instead of updating it
 * @param reference the reference table, its bucket and role resolved; null for none (a deployed one is deleted)
 */
public record CreateAppRequest(String applicationName, String description, String code, String sqlFileName,
        String namePrefix, int parallelism, SourceSchema schema, String inputStreamArn, String roleArn,
        List<ApplicationOutput> outputs, boolean replace, ReferenceSource reference) {

    public CreateAppRequest {
        outputs = List.copyOf(outputs);
        if (reference != null && (reference.bucket() == null || reference.roleArn() == null)) {
            throw new IllegalArgumentException("reference has no bucket or role: call ReferenceSource.withDefaults");
        }
    }

    /** A request without a reference table. */
    public CreateAppRequest(String applicationName, String description, String code, String sqlFileName,
            String namePrefix, int parallelism, SourceSchema schema, String inputStreamArn, String roleArn,
            List<ApplicationOutput> outputs, boolean replace) {
        this(applicationName, description, code, sqlFileName, namePrefix, parallelism, schema, inputStreamArn, roleArn,
                outputs, replace, null);
    }

    /** The same request with other outputs, e.g. their streams resolved to ARNs. */
    public CreateAppRequest withOutputs(List<ApplicationOutput> others) {
        return new CreateAppRequest(applicationName, description, code, sqlFileName, namePrefix, parallelism, schema,
                inputStreamArn, roleArn, others, replace, reference);
    }
}
