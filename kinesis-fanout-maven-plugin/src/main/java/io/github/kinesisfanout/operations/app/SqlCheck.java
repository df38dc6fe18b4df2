package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Compiles the application SQL with the same engine the local cloud runs, before any call, so a
 * mistake shows as {@code line 3, column 12: message} in the build log; a join with the reference
 * table is checked against the table's schema.
 */
public final class SqlCheck {

    private SqlCheck() {
    }

    /** The compiled application, or a failure listing every error when the code does not compile against the input. */
    public static CompiledApplication validate(String code, String fileName, String namePrefix, SourceSchema schema) {
        return validate(code, fileName, namePrefix, schema, 1, null);
    }

    /**
     * The compiled application, or a failure listing every error when the code does not compile against the input
     * and the reference table.
     *
     * @param parallelism the InputParallelism count: the SQL may read {@code <prefix>_001} to {@code <prefix>_00N}
     * @param reference the reference table, or null for none
     */
    public static CompiledApplication validate(String code, String fileName, String namePrefix, SourceSchema schema,
            int parallelism, ReferenceSource reference) {
        try {
            return SqlEngine.compile(code, List.of(SourceSchemas.inputSchema(namePrefix, schema)
                            .withParallelism(parallelism)),
                    reference == null ? List.of() : List.of(reference.table()));
        } catch (SqlCompilationException e) {
            List<String> errors = new ArrayList<>();
            for (SqlError error : e.errors()) {
                errors.add(error.toString());
            }
            throw AppMessages.invalidSql(fileName, errors);
        } catch (IllegalArgumentException e) {
            // The engine names the schema and column it cannot use (an unknown type, a bad mapping).
            throw new FanoutException("The application SQL " + fileName + " cannot be compiled: " + e.getMessage()
                    + (reference == null ? ": fix <schemaFile>" : ": fix <schemaFile> or <referenceSchemaFile>"), e);
        }
    }
}
