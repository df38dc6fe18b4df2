package io.github.kinesisfanout.sql;

import java.util.List;

/**
 * The entry point of the engine: compiles application code against its input schemas.
 *
 * <p>The in-application input streams are created from the schemas ({@code "SOURCE_SQL_STREAM_001"}
 * for the first input with prefix {@code SOURCE_SQL_STREAM}), then the statements run in order.
 */
public final class SqlEngine {

    private SqlEngine() {
    }

    /**
     * Compiles application code.
     *
     * @param applicationCode the statements, separated by {@code ;}
     * @param inputs the application inputs, in order (at most one for Kinesis Analytics v1)
     * @return the compiled application, ready to be started
     * @throws SqlCompilationException with every error found, each with its line and column
     */
    public static CompiledApplication compile(String applicationCode, List<InputSchema> inputs) {
        throw new UnsupportedOperationException("the SQL engine is not built yet");
    }
}
