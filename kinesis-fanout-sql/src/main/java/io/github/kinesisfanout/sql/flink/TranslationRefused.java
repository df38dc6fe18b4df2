package io.github.kinesisfanout.sql.flink;

import io.github.kinesisfanout.sql.analyze.SemanticError;
import java.util.List;

/** An application with constructs that cannot be translated to Flink SQL, each at its position. */
public final class TranslationRefused extends RuntimeException {

    private final List<SemanticError> errors;

    TranslationRefused(List<SemanticError> errors) {
        super(errors.size() + " construct(s) cannot be translated", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public List<SemanticError> errors() {
        return errors;
    }
}
