package io.github.kinesisfanout.operations.flink;

import io.github.kinesisfanout.operations.FanoutException;
import io.github.kinesisfanout.operations.ProgressListener;
import io.github.kinesisfanout.sql.FlinkOptions;
import io.github.kinesisfanout.sql.FlinkTranslation;
import io.github.kinesisfanout.sql.SqlCompilationException;
import io.github.kinesisfanout.sql.SqlEngine;
import io.github.kinesisfanout.sql.SqlError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Translates the application to one Flink SQL script, writes it, and reports what each construct
 * became; a construct without a faithful Flink equivalent fails with its line and column.
 */
public final class FlinkTranslateOperation {

    private final ProgressListener listener;

    public FlinkTranslateOperation(ProgressListener listener) {
        this.listener = listener;
    }

    /** Translates {@code application} with {@code options} and writes the script to {@code scriptFile}. */
    public FlinkTranslation run(FlinkApplication application, FlinkOptions options, Path scriptFile) {
        FlinkTranslation translation;
        try {
            translation = SqlEngine.translateToFlink(application.sql(), application.inputs(), application.outputs(), options);
        } catch (SqlCompilationException e) {
            List<String> errors = new ArrayList<>();
            for (SqlError error : e.errors()) {
                errors.add(error.toString());
            }
            throw FlinkMessages.notTranslated(application.sqlFile(), errors);
        }
        try {
            Files.createDirectories(scriptFile.toAbsolutePath().getParent());
            Files.writeString(scriptFile, translation.script());
        } catch (IOException e) {
            throw new FanoutException("Cannot write the Flink SQL script " + scriptFile + ": " + e.getMessage(), e);
        }
        listener.info("Translated " + application.sqlFile() + " to Flink SQL (" + options.connector() + ", ROWTIME "
                + options.rowtime() + "): " + scriptFile);
        ConstructTable.render(translation.constructs()).forEach(line -> listener.info("  " + line));
        translation.warnings().forEach(listener::warn);
        return translation;
    }
}
