package io.github.kinesisfanout.operations.app;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesisanalytics.model.SourceSchema;

/**
 * Compiles the application SQL with the same engine the local cloud runs, before any call, so a
 * mistake shows as {@code line 3, column 12: message} in the build log.
 */
public final class SqlCheck {

    private SqlCheck() {
    }

    /** The compiled application, or a failure listing every error when the code does not compile against the input. */
    public static CompiledApplication validate(String code, String fileName, String namePrefix, SourceSchema schema) {
        try {
            return SqlEngine.compile(code, List.of(SourceSchemas.inputSchema(namePrefix, schema)));
        } catch (SqlCompilationException e) {
            List<String> errors = new ArrayList<>();
            for (SqlError error : e.errors()) {
                errors.add(error.toString());
            }
            throw AppMessages.invalidSql(fileName, errors);
        }
    }
}
