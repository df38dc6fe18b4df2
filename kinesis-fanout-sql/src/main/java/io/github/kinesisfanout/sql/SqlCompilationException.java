package io.github.kinesisfanout.sql;

import java.util.List;
import java.util.stream.Collectors;

/** Application code that does not compile, with every error found. */
public final class SqlCompilationException extends RuntimeException {

    private final List<SqlError> errors;

    public SqlCompilationException(List<SqlError> errors) {
        super(errors.stream().map(SqlError::toString).collect(Collectors.joining("\n")), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<SqlError> errors() {
        return errors;
    }
}
