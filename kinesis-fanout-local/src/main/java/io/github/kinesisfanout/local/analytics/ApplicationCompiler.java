package io.github.kinesisfanout.local.analytics;

import io.github.kinesisfanout.sql.CompiledApplication;
import io.github.kinesisfanout.sql.InputSchema;
import io.github.kinesisfanout.sql.InputSchemaJson;
import io.github.kinesisfanout.sql.ReferenceTable;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.SqlError;
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
     * Code that joins one table the application does not have, while it has no reference data source,
     * is accepted: the source comes later (AddApplicationReferenceDataSource, or CloudFormation's
     * ApplicationReferenceDataSource after the Application), and StartApplication checks the code again.
     */
    static void validate(ApplicationConfig config) {
        if (config.code() != null && !config.code().isBlank() && !config.inputs().isEmpty()) {
            compile(config, config.references().isEmpty());
        }
    }

    /** The reference tables of a configuration: each source's TableName and ReferenceSchema. */
    private static List<ReferenceTable> references(ApplicationConfig config) {
        List<ReferenceTable> tables = new ArrayList<>();
        for (var source : config.references()) {
            tables.add(new ReferenceTable(source.path("TableName").asText(),
                    InputSchemaJson.fromJson(source.get("ReferenceSchema"), null)));
        }
        return tables;
    }

    static CompiledApplication compile(ApplicationConfig config) {
        return compile(config, false);
    }

    /** Compiles; with {@code tableToCome}, code whose only errors name one unknown FROM item gives null. */
    private static CompiledApplication compile(ApplicationConfig config, boolean tableToCome) {
        List<InputSchema> schemas = new ArrayList<>();
        for (ApplicationInput input : config.inputs()) {
            schemas.add(InputSchemaJson.fromJson(input.schema(), input.namePrefix()).withParallelism(input.parallelism()));
        }
        try {
            return SqlEngine.compile(config.code() == null ? "" : config.code(), schemas, references(config));
        } catch (SqlCompilationException e) {
            if (tableToCome && e.errors().stream().map(SqlError::unknownSource).distinct().count() == 1
                    && e.errors().get(0).unknownSource() != null) {
                return null;
            }
            throw AnalyticsErrors.CODE_VALIDATION.error(e.getMessage());
        } catch (IllegalArgumentException e) {
            // An unusable input schema (unknown SQL type, bad mapping): the input is invalid, not the code.
            throw AnalyticsErrors.INVALID_ARGUMENT.error(e.getMessage());
        }
    }
}
