package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles an application's code against its inputs with the SQL engine, answering
 * CodeValidationException with every error's line and column when it does not compile.
 */
final class ApplicationCompiler {

    private ApplicationCompiler() {
    }

    /**
     * Validates the code of a configuration; code without an input is kept unvalidated until an
     * input arrives (AddApplicationInput validates it then), since it cannot name its source yet.
     */
    static void validate(ApplicationConfig config) {
        if (config.code() != null && !config.code().isBlank() && !config.inputs().isEmpty()) {
            compile(config);
        }
    }

    static CompiledApplication compile(ApplicationConfig config) {
        List<InputSchema> schemas = new ArrayList<>();
        for (ApplicationInput input : config.inputs()) {
            InputSchema schema = InputSchemaJson.fromJson(input.schema(), input.namePrefix());
            // The engine makes PREFIX_001..PREFIX_00N from N consecutive copies of the schema.
            for (int i = 0; i < input.parallelism(); i++) {
                schemas.add(schema);
            }
        }
        try {
            return SqlEngine.compile(config.code() == null ? "" : config.code(), schemas);
        } catch (SqlCompilationException e) {
            throw AnalyticsErrors.codeValidation(e.getMessage());
        } catch (IllegalArgumentException e) {
            // An unusable input schema (unknown SQL type, bad mapping): the input is invalid, not the code.
            throw AnalyticsErrors.invalidArgument(e.getMessage());
        }
    }
}
