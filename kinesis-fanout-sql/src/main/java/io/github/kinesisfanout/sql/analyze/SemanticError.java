package io.github.kinesisfanout.sql.analyze;

import io.github.kinesisfanout.sql.parse.SourcePos;

/** A semantic error (unknown name, wrong type, unsupported construct) at its position. */
public final class SemanticError extends RuntimeException {

    private final SourcePos pos;

    public SemanticError(SourcePos pos, String message) {
        super(message, null, false, false);
        this.pos = pos;
    }

    public SourcePos pos() {
        return pos;
    }
}
